import math
from collections import Counter

from dyslexic_writer.engine.candidates.channel import Channel, parse
from dyslexic_writer.training.channel import align, fit, rules, run, slip_counts, write
from dyslexic_writer.training.sources import WordPair, is_held_out


def test_align_pairs_letters_along_the_cheapest_edits():
    for correct, written in (("soap", "sope"), ("knock", "nock"), ("walked", "wark")):
        pairs = align(correct, written)
        assert "".join(a for a, _ in pairs) == correct and "".join(b for _, b in pairs) == written
    assert ("k", "") in align("knock", "nock")


def test_rules_take_each_slip_alone_and_with_a_letter_of_context():
    found = rules("knock", "nock")
    assert ("k", "") in found  # the dropped letter
    assert ("^k", "^") in found  # ...dropped at the start of a word
    assert ("kn", "n") in found


def test_fit_estimates_how_often_a_string_is_written_another_way():
    # "ea" written "ee" in 2 of the 3 words that have it; a one-off slip is not kept.
    pairs = Counter({("reech", "reach"): 1, ("teech", "teach"): 1, ("bred", "bread"): 1})
    table = fit(pairs)
    assert math.isclose(table[("ea", "ee")], math.log(2 / 4))
    assert ("bea", "be") not in table  # seen once


def test_slip_counts_keep_single_words_of_the_training_split():
    pairs = [WordPair("skool", "school", "b", 2), WordPair("Skool", "school", "b"), WordPair("don't", "dont", "b"),
             WordPair("wen", "when", "b")]
    counts = slip_counts(pairs)
    assert ("don't", "dont") not in counts  # not one alphabetic word
    if not is_held_out("school"):
        assert counts[("skool", "school")] == 3
    if not is_held_out("when"):
        assert counts[("wen", "when")] == 1


def test_written_table_reads_back_and_prices_a_learned_slip_above_an_unseen_one(tmp_path):
    table = fit(Counter({("reech", "reach"): 3, ("teech", "teach"): 2, ("beech", "beach"): 2}))
    out = tmp_path / "channel.tsv"
    write(table, out)
    channel = Channel(parse(out.read_text(encoding="utf-8")))
    assert channel.log_prob("peech", "peach") > channel.log_prob("peach", "peech")
    assert channel.log_prob("peach", "peach") > channel.log_prob("peech", "peach")


def test_run_writes_the_table_from_the_corpora(tmp_path, pair_corpora):
    # "ea" written "ee": twice in Birkbeck and in two GitHub typos worth a quarter each; "ea" is in
    # the intended word of pairs worth 3.5 (reach twice, teach, and a quarter each for mean, speak)
    data = pair_corpora("$reach\nreech\nreetch\n$teach\nteech\n", github="meen,mean,1\nspeek,speak,1\n")
    out = tmp_path / "channel.tsv"
    result = run(data, out)
    assert result == {"pairs": 5, "rules": len(parse(out.read_text(encoding="utf-8")))}
    assert out.read_text(encoding="utf-8").startswith("# Written by `dyslexic-writer train channel`")
    table = parse(out.read_text(encoding="utf-8"))
    assert math.isclose(table[("ea", "ee")], math.log(2.5 / (3.5 + 1.0)), abs_tol=1e-4)
