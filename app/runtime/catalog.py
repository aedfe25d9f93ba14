"""The model catalog (`models/catalog.yaml`): what each model is, where it comes from, what it needs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..package_data import read_text
from .gguf_meta import ModelShape

ROLES = ("scorer", "corrector")
REQUIRED = ("id", "name", "family", "parameters", "role", "file", "size_mb", "template", "ram_gb", "vram_gb")


class CatalogError(ValueError):
    pass


@dataclass(frozen=True)
class ModelEntry:
    id: str
    name: str
    family: str
    parameters: str
    role: str
    file: str
    size_mb: float
    template: str
    ram_gb: float
    vram_gb: float
    sha256: str | None = None
    hf_repo: str | None = None
    hf_file: str | None = None
    source: str = "hub"  # "hub" or "embedded"
    # Strict sentence accuracy (%) on ../shared/benchmarks/seed99.tsv, measured by `dyslexic-writer
    # bench`; None until we have measured it ourselves.
    seed99_strict: float | None = None
    published: bool = True
    # KV-cache shape, for the fits-in-VRAM rule before the file is downloaded (0: unknown).
    layers: int = 0
    kv_heads: int = 0
    head_dim: int = 0

    @property
    def embedded(self) -> bool:
        return self.source == "embedded"

    @property
    def shape(self) -> ModelShape:
        return ModelShape(int(self.size_mb * 2**20), self.layers, self.kv_heads, self.head_dim)

    def score_label(self) -> str:
        return f"{self.seed99_strict:.1f}% seed99 strict" if self.seed99_strict is not None else "not measured"

    def unavailable_reason(self) -> str:
        """Why this model cannot be chosen ("" when it can)."""
        return "" if self.published else "not published yet: the fine-tuned weights are not on the hub, so it cannot be downloaded"

    def local_path(self, models_dir: Path | None = None) -> Path:
        return (models_dir or default_models_dir()) / self.file


def default_models_dir() -> Path:
    """The models folder: the `models_dir` setting, else `models/` in the data folder."""
    from ..settings import load_settings

    return load_settings()[0].models_path()


def parse_catalog(text: str, families: set[str] | None = None) -> list[ModelEntry]:
    data = yaml.safe_load(text) or {}
    entries = []
    seen = set()
    for i, raw in enumerate(data.get("models") or []):
        missing = [k for k in REQUIRED if raw.get(k) in (None, "")]
        if missing:
            raise CatalogError(f"catalog entry {i} ({raw.get('id', '?')}) lacks {', '.join(missing)}")
        if raw["role"] not in ROLES:
            raise CatalogError(f"{raw['id']}: role must be one of {ROLES}")
        if raw["id"] in seen:
            raise CatalogError(f"duplicate catalog id {raw['id']}")
        if families is not None and raw["template"] not in families:
            raise CatalogError(f"{raw['id']}: no prompt template named {raw['template']!r}")
        if raw.get("source", "hub") == "hub" and not (raw.get("hf_repo") and raw.get("hf_file")):
            raise CatalogError(f"{raw['id']}: a hub model needs hf_repo and hf_file")
        sha = raw.get("sha256")
        if sha is not None and (len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha)):
            raise CatalogError(f"{raw['id']}: sha256 must be 64 lower-case hex digits")
        seen.add(raw["id"])
        known = {f for f in ModelEntry.__dataclass_fields__}
        entries.append(ModelEntry(**{k: v for k, v in raw.items() if k in known}))
    return entries


@lru_cache(maxsize=1)
def load_prompts() -> dict:
    return yaml.safe_load(read_text("dyslexic_writer.models", "prompts.yaml"))


@lru_cache(maxsize=1)
def load_catalog() -> tuple[ModelEntry, ...]:
    families = set(load_prompts()["families"])
    return tuple(parse_catalog(read_text("dyslexic_writer.models", "catalog.yaml"), families))


def find(model_id: str) -> ModelEntry:
    for e in load_catalog():
        if e.id == model_id:
            return e
    known = ", ".join(e.id for e in load_catalog())
    raise CatalogError(f"no model called {model_id!r} in the catalog (known: {known})")


def resolve_model_path(model: str) -> Path:
    """A GGUF path for a file name or catalog id (which must be downloaded already)."""
    path = Path(model).expanduser()
    if path.suffix == ".gguf" or path.exists():
        if not path.exists():
            raise ValueError(f"no model file at {model}")
        return path
    entry = find(model)
    if entry.embedded:
        from .embedded import embedded_model_path

        return embedded_model_path()
    local = entry.local_path()
    if not local.exists():
        raise ValueError(f"{entry.id} is not downloaded yet: run `dyslexic-writer models download {entry.id}`")
    return local
