"""Known misspellings from the training split: tiny inline samples, no corpus files."""

from collections import Counter

from dyslexic_writer.engine.candidates.misspellings import parse
from dyslexic_writer.training.misspellings import MAX_PER_WORD, MIN_SEEN, misspelling_pairs, render, table
from dyslexic_writer.training.sources import WordPair, is_held_out

COMMON = {"bat", "cat", "hat", "mat", "teddy", "boy", "a", "nother", "another", "enough"}


def _pairs(*rows):
    return [WordPair(w, c, "birkbeck", n) for w, c, n in rows]


def test_a_non_word_keeps_each_meaning_with_its_count():
    counts = misspelling_pairs(_pairs(("kat", "bat", 2), ("Kat", "bat", 1), ("kat", "hat", 1)),
                               COMMON.__contains__, COMMON.__contains__)
    assert counts == Counter({("kat", "bat"): 3, ("kat", "hat"): 1})


def test_real_words_unknown_targets_and_the_held_out_split_are_left_out():
    held = next(w for w in (f"word{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(676)) if is_held_out(w))
    known = COMMON | {held}
    counts = misspelling_pairs(
        _pairs(("hat", "cat", 5),  # a word written for a word: the confusions' job
               ("kat", "qat", 1),  # a meaning the app cannot offer
               ("hled", held, 1),  # held out: only ever scored
               ("k4t", "cat", 1)),  # not letters
        known.__contains__, known.__contains__)
    assert counts == Counter()


def test_words_apart_on_either_side_are_kept():
    counts = misspelling_pairs(_pairs(("tedyboy", "teddy boy", 3), ("a  nuther", "another", 1)),
                               COMMON.__contains__, COMMON.__contains__)
    assert counts == Counter({("tedyboy", "teddy boy"): 3, ("a nuther", "another"): 1})


def test_the_table_keeps_the_likeliest_meanings_and_the_app_reads_it_back():
    counts = Counter({("kat", "cat"): 1, ("kat", "hat"): 4, ("kat", "mat"): 1})
    counts.update({("xat", f"w{i}"): 1 for i in range(MAX_PER_WORD + 2)})
    rows = table(counts)
    assert rows["kat"] == [("hat", 4), ("cat", 1), ("mat", 1)]
    assert len(rows["xat"]) == MAX_PER_WORD
    assert parse(render(rows))["kat"] == (("hat", 4), ("cat", 1), ("mat", 1))


def test_a_meaning_needs_half_a_weak_spellers_slip_of_evidence():
    counts = Counter({("kat", "cat"): 1, ("kat", "hat"): 0.25, ("zat", "mat"): 0.5})
    assert table(counts) == {"kat": [("cat", 1)], "zat": [("mat", 0.5)]}
    assert MIN_SEEN == 0.5


def test_the_stage_weighs_each_source_and_counts_a_slip_in_overlapping_lists_once(tmp_path, pair_corpora):
    from dyslexic_writer.training.misspellings import run

    data = pair_corpora("$school\nskule\n$garden\ngardn\n",
                        extra="0,school,skule\n1,garden,gardin\n",  # the list repeats Birkbeck's "skule"
                        github="gardn,garden,1\nwindw,window,1\n")
    out = tmp_path / "misspellings.tsv"
    assert run(data, out) == {"written": 3, "pairs": 3}
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Written by `dyslexic-writer train misspellings`")
    table = parse(text)
    # "windw" is a GitHub slip alone: too little evidence to list
    assert table == {"skule": (("school", 1),), "gardn": (("garden", 1.25),), "gardin": (("garden", 0.5),)}
