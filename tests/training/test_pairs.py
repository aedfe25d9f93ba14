"""The fair training pairs: every source read, weighed and held out as pair_sources.yaml says."""

from collections import Counter

from dyslexic_writer.training.pairs import (
    fair_github,
    load_training_pairs,
    pair_sources,
    recipe,
    sentence_files,
)
from dyslexic_writer.training.sources import WordPair, is_held_out


def test_the_recipe_weighs_birkbeck_most_and_github_least():
    weights = {s.name: s.weight for s in pair_sources()}
    assert set(weights) == {"birkbeck", "extra", "github"}
    assert weights["birkbeck"] == 1.0 and weights["birkbeck"] > weights["extra"] > weights["github"] > 0
    assert not any("holbrook" in s.file for s in pair_sources())  # test writing never trains
    assert "benchmarks" not in str(recipe())


def test_github_pairs_lose_code_real_word_swaps_and_non_words(lexicon):
    pairs = [WordPair("recieve", "receive", "github"), WordPair("form", "from", "github"),
             WordPair("tenantstrng", "tenantstring", "github"), WordPair("my_var", "my_val", "github")]
    assert [p.misspelling for p in fair_github(pairs, lexicon)] == ["recieve"]


def test_only_the_training_split_is_loaded_and_overlapping_lists_count_once(pair_corpora, lexicon):
    held = next(w for w in ("school", "garden", "beach", "cat", "window") if is_held_out(w))
    data = pair_corpora(f"$school\nskule\n${held}\nxheld\n", extra="0,school,skule\n1,garden,gardin\n",
                        github="skule,school,2\n")
    corpus = load_training_pairs(data, lexicon)
    assert corpus.files == ("corpora/birkbeck.dat", "corpora/extra_misspellings.csv", "corpora/github_typos_pairs.csv")
    assert all(not is_held_out(p.correct) for pairs in corpus.pairs.values() for p in pairs)

    def tally(pairs):
        return Counter((p.misspelling, p.correct) for p in pairs)

    # Birkbeck's 1 and the extra list's copy (0.5) are one slip; GitHub's is another (0.25)
    assert corpus.weighted(tally) == {("skule", "school"): 1.25, ("gardin", "garden"): 0.5}


def test_generated_sentence_files_leave_the_word_pair_files_out(tmp_path):
    (tmp_path / "synthetic").mkdir()
    for name in ("synthetic_homophones_gemini3.json", "synthetic_word_pairs_k3_gemini3.json", "other.json"):
        (tmp_path / "synthetic" / name).write_text("[]")
    assert [p.name for p in sentence_files(tmp_path)] == ["synthetic_homophones_gemini3.json"]
