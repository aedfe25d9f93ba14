"""The whole training pipeline on a tiny randomly initialised Qwen3 model with a locally trained
tokenizer: prepare -> train a few steps -> evaluate -> export (GGUF F16 -> Q4_K_M) -> load and
generate with llama-cpp-python. CPU only, no network; skipped without the `training` extra."""

import json
import os
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("trl")
pytest.importorskip("sentencepiece")
pytest.importorskip("gguf")


def llama_source() -> Path | None:
    """The llama-cpp-python source the export stage converts with (fetched by .ci/run at install)."""
    for c in (os.environ.get("DW_LLAMA_SOURCE"), ".cache/llama-cpp-python-sdist"):
        if c and Path(c).exists():
            p = Path(c)
            return next(p.glob("llama_cpp_python-*.tar.gz"), p) if p.is_dir() else p
    return None


SENTENCES = [
    "I went to the store.", "She is my friend.", "I don't know.", "They're coming too.",
    "The weather is nice today.", "I want to buy a car.", "We went there yesterday.",
] * 20


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    import sentencepiece as spm
    from transformers import LlamaTokenizer, Qwen3Config, Qwen3ForCausalLM

    folder = tmp_path_factory.mktemp("tiny-qwen3")
    corpus = folder / "corpus.txt"
    corpus.write_text("\n".join(SENTENCES + ["Fix the spelling in this sentence. Reply with the sentence only."] * 5))
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(folder / "tokenizer"), vocab_size=400, model_type="bpe",
        user_defined_symbols=["<|im_start|>", "<|im_end|>", "<think>", "</think>"], byte_fallback=True,
        bos_id=1, eos_id=2, unk_id=0, pad_id=3, minloglevel=2,
    )
    tok = LlamaTokenizer.from_pretrained(folder)  # reads tokenizer.model from the folder
    tok.save_pretrained(folder)
    config = Qwen3Config(vocab_size=tok.vocab_size + len(tok.get_added_vocab()), hidden_size=64, intermediate_size=128,
                         num_hidden_layers=2, num_attention_heads=2, num_key_value_heads=1, head_dim=32,
                         max_position_embeddings=512, tie_word_embeddings=True,
                         bos_token_id=1, eos_token_id=2, pad_token_id=3)
    torch.manual_seed(0)
    Qwen3ForCausalLM(config).save_pretrained(folder)
    return folder


def test_prepare_train_evaluate_export(tiny_model, tmp_path):
    import yaml

    from dyslexic_writer.training import evaluate, export, train

    data = tmp_path / "data"
    data.mkdir()
    rows = [{"messages": [{"role": "system", "content": "Fix."}, {"role": "user", "content": s.replace("the", "teh")},
                          {"role": "assistant", "content": s}], "source": "t", "category": "spelling"} for s in SENTENCES[:16]]
    (data / "train.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (data / "test.jsonl").write_text("\n".join(json.dumps(r) for r in rows[:2]) + "\n")
    recipe = tmp_path / "tiny.yaml"
    recipe.write_text(yaml.safe_dump({
        "name": "dw-tiny", "base_model": str(tiny_model), "family": "qwen3", "method": "full", "max_steps": 3,
        "batch_size": 4, "max_length": 512, "packing": True, "bf16": False, "attn_implementation": "eager", "learning_rate": 1e-3,
    }))
    metrics = train.run(str(recipe), data, tmp_path / "run")
    assert metrics["steps"] == 3 and metrics["train_loss"] > 0
    model_dir = tmp_path / "run" / "model"
    assert (model_dir / "recipe.yaml").exists() and (tmp_path / "run" / "metrics.json").exists()

    cases = tmp_path / "cases.tsv"
    cases.write_text("corr\tI went to teh store.\tI went to the store.\npass\tShe is my friend.\tShe is my friend.\n")
    results = evaluate.run(str(model_dir), None, [cases], data / "test.jsonl", 2, tmp_path / "eval")
    assert {"cases", "held-out test"} <= set(results)
    assert (tmp_path / "eval" / "results.md").read_text().startswith("| Model |")

    source = llama_source()
    if source is None:
        pytest.skip("no llama-cpp-python source distribution to convert with (set DW_LLAMA_SOURCE)")
    info = export.run(model_dir, tmp_path / "export", None, source)
    q4 = tmp_path / "export" / info["file"]
    assert q4.exists() and info["size_mb"] > 0 and len(info["sha256"]) == 64
    assert isinstance(info["smoke_test_reply"], str)  # it loaded in llama.cpp and generated
    assert "FROM ./" in (tmp_path / "export" / "Modelfile").read_text()
    entry = yaml.safe_load((tmp_path / "export" / "catalog_entry.yaml").read_text())["models"][0]
    assert entry["file"] == info["file"] and entry["template"] == "qwen3"

    from dyslexic_writer.training import publish

    files = publish.run(tmp_path / "export", "someone/dw-tiny-GGUF", dry_run=True)
    assert info["file"] in files and "README.md" in files and not any(f.endswith("-f16.gguf") for f in files)
