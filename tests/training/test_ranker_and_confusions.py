import numpy as np

from dyslexic_writer.training.confusions import plausible, real_word_pairs, sentence_pairs, table
from dyslexic_writer.training.ranker import PoolExample, fit, top1
from dyslexic_writer.training.sources import WordPair, is_held_out


def test_fit_learns_which_feature_marks_the_intended_word():
    rng = np.random.default_rng(0)
    examples = []
    for _ in range(40):
        x = rng.normal(size=(6, 3))
        target = int(np.argmax(x[:, 1]))  # the second feature decides
        examples.append(PoolExample(x, target))
    w = fit(examples, steps=200)
    assert w[1] > abs(w[0]) and w[1] > abs(w[2])
    assert top1(examples, w) > 0.9


def test_real_word_pairs_keep_plausible_training_split_slips():
    words = {"cave", "gave", "were", "where", "act", "great"}
    pairs = [WordPair("cave", "gave", "h"), WordPair("Cave", "gave", "h"), WordPair("act", "great", "h"),
             WordPair("skool", "school", "h")]
    counts = real_word_pairs(pairs, words.__contains__)
    if is_held_out("gave"):
        assert counts == {}
    else:
        assert counts == {("cave", "gave"): 2}  # "act"/"great" is too far apart; "skool" is no word


def test_table_keeps_repeated_confusions_most_frequent_first():
    from collections import Counter

    counts = Counter({("were", "where"): 3, ("were", "wear"): 2, ("were", "we're"): 1})
    assert table(counts) == {"were": ["where", "wear"]}


def test_table_drops_rare_slips_of_very_common_words():
    from collections import Counter

    counts = Counter({("go", "got"): 13, ("had", "hard"): 2, ("cave", "gave"): 2})
    zipf = {"go": 6.0, "had": 6.3, "cave": 4.2}.get
    # "had" is written some two million times per billion words; twice for "hard" is no habit
    assert table(counts, zipf) == {"cave": ["gave"], "go": ["got"]}
    # ...but it is kept among the common words' slips, asked about only beside a telling word
    assert table(counts, zipf, common=True) == {"had": ["hard"]}


def test_sentence_pairs_align_same_length_sentences_only():
    got = sentence_pairs([{"original": "I went their.", "corrected": "I went there."},
                          {"original": "a lot", "corrected": "alot of"}, {"original": "x y z", "corrected": "x y"}])
    assert [(p.misspelling, p.correct) for p in got] == [("their", "there"), ("a", "alot"), ("lot", "of")]


def test_us_uk_variants_are_not_confusions():
    assert not plausible("color", "colour")
    assert plausible("cave", "gave")


def test_a_slip_in_two_overlapping_corpora_counts_once():
    from collections import Counter

    from dyslexic_writer.training.confusions import MIN_COUNT
    from dyslexic_writer.training.pairs import merged_counts

    birkbeck = Counter({("wet", "went"): 1, ("cave", "gave"): 2})
    holbrook = Counter({("wet", "went"): 1, ("no", "know"): 1})
    generated = Counter({("no", "know"): 1})
    counts = merged_counts(birkbeck, holbrook, extra=generated)
    assert counts == {("wet", "went"): 1, ("cave", "gave"): 2, ("no", "know"): 2}
    assert table(counts) == {"cave": ["gave"], "no": ["know"]} and MIN_COUNT == 2


def test_the_channel_feature_is_priced_by_the_half_that_never_saw_the_word():
    from collections import Counter

    from dyslexic_writer.training.ranker import cross_channels, fold

    # "receive" and "friend" fall in different halves; each pair's "ie"/"ei" swap is seen 3 times
    assert fold("receive") != fold("friend")
    counts = Counter({("recieve", "receive"): 3, ("freind", "friend"): 3})
    channels = cross_channels(counts)
    blind = channels[fold("receive")]  # fitted without "receive"
    seen = channels[fold("friend")]  # fitted on "receive" (not on "friend")
    assert seen.log_prob("recieve", "receive") > blind.log_prob("recieve", "receive")


def test_the_ranker_samples_pairs_in_proportion_to_their_weight():
    from collections import Counter

    from dyslexic_writer.training.ranker import weighted_sample

    counts = Counter({(f"w{i}", "heavy"): 1.0 for i in range(200)})
    counts.update({(f"g{i}", "light"): 0.25 for i in range(200)})
    drawn = weighted_sample(counts, 100)
    assert len(set(drawn)) == 100 and drawn == weighted_sample(counts, 100)  # no repeats, same every run
    heavy = sum(t == "heavy" for _w, t in drawn)
    assert 65 <= heavy <= 95  # about four in five: a weight of 1 against 0.25
