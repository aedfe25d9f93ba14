import pytest

from dyslexic_writer.runtime.catalog import CatalogError, find, load_catalog, load_prompts, parse_catalog


def test_catalog_has_the_original_line_up_and_the_embedded_default():
    ids = {e.id for e in load_catalog()}
    for needed in ("gemma3-270m", "dw-qwen3-0.6b", "dw-qwen3-1.7b", "dw-qwen3-4b", "dw-qwen3-8b",
                   "dw-smollm2-360m", "dw-smollm2-1.7b", "dw-qwen2.5-0.5b", "dw-qwen2.5-1.5b"):
        assert needed in ids
    assert find("gemma3-270m").embedded and find("gemma3-270m").role == "scorer"


def test_every_entry_has_a_prompt_family():
    families = set(load_prompts()["families"])
    assert all(e.template in families for e in load_catalog())


def test_validation_errors():
    with pytest.raises(CatalogError, match="lacks"):
        parse_catalog("models:\n  - {id: x}\n")
    row = "{id: x, name: X, family: f, parameters: 1B, role: %s, file: x.gguf, size_mb: 1, template: t, ram_gb: 1, vram_gb: 1%s}"
    with pytest.raises(CatalogError, match="role"):
        parse_catalog("models:\n  - " + row % ("judge", ", hf_repo: a/b, hf_file: x.gguf"))
    with pytest.raises(CatalogError, match="hf_repo"):
        parse_catalog("models:\n  - " + row % ("scorer", ""))
    with pytest.raises(CatalogError, match="sha256"):
        parse_catalog("models:\n  - " + row % ("scorer", ", hf_repo: a/b, hf_file: x.gguf, sha256: abc"))


def test_unknown_id():
    with pytest.raises(CatalogError, match="no model called"):
        find("nope")
