from dyslexic_writer.training.sources import (
    is_held_out,
    parse_birkbeck,
    parse_extra_misspellings,
    parse_github_typos,
    parse_holbrook,
    parse_sentence_pairs,
    parse_word_pair_json,
)


def test_birkbeck_groups():
    pairs = parse_birkbeck("$because\nbecos\nbecuase\n$said\nsed\n")
    assert [(p.misspelling, p.correct) for p in pairs] == [("becos", "because"), ("becuase", "because"), ("sed", "said")]


def test_holbrook_counts_and_unknown_targets():
    pairs = parse_holbrook("$?\nConsulatoin 1\n$April\nApirl 2\n$Adam's\nAdam 1\n")
    assert [(p.misspelling, p.correct, p.count) for p in pairs] == [("Apirl", "April", 2), ("Adam", "Adam's", 1)]
    # the count is how often the slip was seen, not part of which slip it is
    assert pairs[0] == parse_holbrook("$April\nApirl\n")[0]


def test_github_pairs_skip_header():
    pairs = parse_github_typos("misspelling,correct,edit_distance\nliek,like,2\n")
    assert [(p.misspelling, p.correct, p.source) for p in pairs] == [("liek", "like", "github")]


def test_extra_pairs():
    pairs = parse_extra_misspellings(",label,input\n0,Britain,Britian\n1,above,a_bueve\n")
    assert [(p.misspelling, p.correct) for p in pairs] == [("Britian", "Britain"), ("a bueve", "above")]


def test_generated_json():
    assert parse_sentence_pairs('[{"original": "teh", "corrected": "the"}]', "s") == [("teh", "the")]
    pairs = parse_word_pair_json('[{"misspelled": "enuff", "correct": "enough"}, {"misspelled": "a", "correct": "a"}]', "s")
    assert [(p.misspelling, p.correct) for p in pairs] == [("enuff", "enough")]


def test_held_out_rule_is_sha1_of_lowercase_target():
    import hashlib

    for w in ("receive", "Because", "said", "girl"):
        assert is_held_out(w) == hashlib.sha1(w.lower().encode()).hexdigest().endswith("0")


def test_instruction_jsonl():
    from dyslexic_writer.training.sources import parse_instruction_jsonl

    text = '{"instruction": "Fix", "input": "Miani is hot.", "output": "Miami is hot."}\n\n'
    assert parse_instruction_jsonl(text) == [("Miani is hot.", "Miami is hot.")]


def test_github_release_jsonl():
    import json

    from dyslexic_writer.training.prepare import parse_github_typo_jsonl

    commit = {"edits": [
        {"src": {"text": "fix teh bug"}, "tgt": {"text": "fix the bug"}, "is_typo": True},
        {"src": {"text": "use foo"}, "tgt": {"text": "use bar"}, "is_typo": False},
    ]}
    pairs = parse_github_typo_jsonl(json.dumps(commit) + "\n")
    assert [(p.misspelling, p.correct) for p in pairs] == [("teh", "the")]


def test_a_downloaded_birkbeck_file_loses_the_holbrook_pairs():
    from dyslexic_writer.training.prepare import without_pairs

    text = "$April\nApirl\nAprel\n$teddy_boy\ntedy_boy\n"
    drop = {(p.misspelling.lower(), p.correct.lower()) for p in parse_holbrook("$april\napirl 2\n$teddy_boy\ntedy_boy\n")}
    kept = without_pairs(text, drop)
    assert kept == "$April\nAprel\n$teddy_boy\n"
    assert [(p.misspelling, p.correct) for p in parse_birkbeck(kept)] == [("Aprel", "April")]
