"""Building the output head's token list, on tiny inline data (no model)."""

import json

import numpy as np

from dyslexic_writer.training.head_tokens import count_likely, keep_tokens, training_sentences


def test_tokens_likely_in_more_sentences_are_kept_first():
    # two "sentences" (positions x vocabulary of 6): token 5 is always likely, 0 once, 3 never
    first = np.array([[3.0, 0.0, 0.0, -9.0, 0.0, 9.0], [0.0, 1.0, 0.0, -9.0, 2.0, 8.0]])
    second = np.array([[-5.0, 0.0, 4.0, -9.0, 0.0, 9.0]])
    seen = count_likely([first, second], top=2)
    assert seen[5] == 2 and seen[3] == 0 and seen[0] == 1
    kept = keep_tokens(seen, keep=2)
    assert kept.dtype == np.int32 and list(kept) == sorted(kept) and 5 in kept and 3 not in kept


def test_training_sentences_take_both_sides_and_skip_word_pairs(tmp_path):
    syn = tmp_path / "synthetic"
    syn.mkdir()
    (syn / "synthetic_kids_gemini3.json").write_text(json.dumps(
        [{"original": "I no him.", "corrected": "I know him."}]), encoding="utf-8")
    (syn / "synthetic_word_pairs_k3_gemini3.json").write_text(json.dumps(
        [{"misspelled": "enuff", "correct": "enough"}]), encoding="utf-8")
    assert sorted(training_sentences(tmp_path)) == ["I know him.", "I no him."]
    assert len(training_sentences(tmp_path, limit=1)) == 1
