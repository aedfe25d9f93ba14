import json
from collections import Counter

from dyslexic_writer.engine.confusions import load_confusions
from dyslexic_writer.training.data import (
    MIN_SHARE,
    Example,
    balance,
    categorise,
    filter_github,
    sentence_examples,
    split,
    word_pair_examples,
)
from dyslexic_writer.training.sources import WordPair, is_held_out


def test_categories():
    c = load_confusions()
    assert categorise("dont", "don't", c) == "contraction"
    assert categorise("alot", "a lot", c) == "spacing"
    assert categorise("their", "there", c) == "homophone"
    assert categorise("doard", "board", c) == "dyslexia"
    assert categorise("gril", "girl", c) == "dyslexia"
    assert categorise("recieve", "receive", c) == "dyslexia"  # swapped neighbours
    assert categorise("definately", "definitely", c) == "spelling"


def test_github_filter_drops_code_and_real_word_swaps():
    pairs = [WordPair("recieve", "receive", "github"), WordPair("my_var", "my_val", "github"),
             WordPair("getUser", "getUsers", "github"), WordPair("form", "from", "github"),
             WordPair("v2", "v3", "github")]
    kept = filter_github(pairs, is_word={"form", "from", "receive"}.__contains__)
    assert [p.misspelling for p in kept] == ["recieve"]


def test_word_pairs_get_carrier_sentences():
    (e,) = word_pair_examples([WordPair("recieve", "receive", "birkbeck")], load_confusions())
    assert "recieve" in e.input and e.output == e.input.replace("recieve", "receive") and e.target == "receive"


def test_sentence_sets_teach_both_fixing_and_leaving_alone():
    ex = sentence_examples([("I went their.", "I went there.")], "homophones", load_confusions())
    assert [(e.category, e.input, e.output) for e in ex] == [
        ("homophone", "I went their.", "I went there."), ("clean", "I went there.", "I went there.")]


def test_balance_lifts_small_categories_to_the_minimum_share():
    ex = [Example(f"s{i}", f"s{i}", "x", "spelling", "w") for i in range(1000)]
    ex += [Example("I think dont is the answer.", "I think don't is the answer.", "x", "contraction", "don't")]
    out = balance(ex)
    counts = Counter(e.category for e in out)
    assert counts["contraction"] >= MIN_SHARE * len(ex)
    assert len({e.input for e in out if e.category == "contraction"}) > 1  # in other carrier sentences


def test_split_holds_out_by_correct_word_and_is_deterministic():
    words = ["receive", "because", "friend", "said", "girl", "board", "quite", "question", "weather", "people"]
    ex = [Example(f"I think {w}x is it.", f"I think {w} is it.", "x", "spelling", w) for w in words * 3]
    a, b = split(ex), split(ex)
    assert a == b
    for e in a["test"]:
        assert is_held_out(e.target)
    for e in a["train"] + a["eval"]:
        assert not is_held_out(e.target)


def test_prepare_end_to_end(tmp_path, capsys):
    from dyslexic_writer.training.prepare import run

    data = tmp_path / "data"
    (data / "corpora").mkdir(parents=True)
    (data / "synthetic").mkdir()
    (data / "corpora" / "birkbeck.dat").write_text("$because\nbecos\n$friend\nfrend\n$receive\nrecieve\n")
    (data / "corpora" / "github_typos_pairs.csv").write_text("misspelling,correct,edit_distance\nteh,the,2\nmy_x,my_y,1\n")
    (data / "synthetic" / "synthetic_homophones_gemini3.json").write_text(
        json.dumps([{"original": "I went their.", "corrected": "I went there."}]))
    counts = run(data, tmp_path / "out")
    assert sum(counts.values()) >= 6
    row = json.loads((tmp_path / "out" / "train.jsonl").read_text().splitlines()[0])
    assert [m["role"] for m in row["messages"]] == ["system", "user", "assistant"]
    assert (tmp_path / "out" / "prepare_config.yaml").exists()
    assert "category" in (tmp_path / "out" / "counts.txt").read_text()
    assert "train:" in capsys.readouterr().out
