import pytest

from dyslexic_writer.runtime.catalog import load_prompts
from dyslexic_writer.training.recipe import load_recipe, recipes_dir, save_resolved


def test_every_original_model_has_a_recipe():
    names = {p.stem for p in recipes_dir().glob("*.yaml")}
    assert {"qwen3-0.6b", "qwen3-1.7b", "qwen3-4b", "qwen3-8b", "smollm2-360m", "smollm2-1.7b",
            "qwen2.5-0.5b", "qwen2.5-1.5b", "gemma3-270m"} <= names


def test_recipes_load_and_use_known_prompt_families():
    families = set(load_prompts()["families"])
    for p in recipes_dir().glob("*.yaml"):
        r = load_recipe(p.stem)
        assert r.family in families and r.method in ("lora", "full")
        if r.base_model != "embedded":
            assert (r.epochs, r.learning_rate, r.max_length) == (3, 2e-5, 256)


def test_overrides_and_resolved_copy(tmp_path):
    r = load_recipe("gemma3-270m", {"max_steps": 5, "method": None})
    assert r.max_steps == 5 and r.method == "lora"
    save_resolved(tmp_path / "r.yaml", r)
    assert "max_steps: 5" in (tmp_path / "r.yaml").read_text()


def test_unknown_keys_are_refused(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nbase_model: y\nfamily: qwen3\nlearnin_rate: 1\n")
    with pytest.raises(ValueError, match="unknown recipe keys"):
        load_recipe(str(bad))
