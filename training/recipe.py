"""Training recipes: one YAML file per model in `training/recipes/`, defaults here in code; the
resolved recipe is saved beside every output."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from dyslexic_writer import package_data


@dataclass
class Recipe:
    name: str
    base_model: str  # a hub id or a local folder
    family: str  # prompt family (models/prompts.yaml)
    gguf_file: str | None = None  # load weights from this GGUF inside base_model (transformers gguf_file=)
    method: str = "lora"  # lora or full
    epochs: float = 3.0
    learning_rate: float = 2e-5
    max_length: int = 256
    packing: bool = True
    batch_size: int = 8
    gradient_accumulation: int = 1
    max_steps: int = -1
    max_minutes: float | None = None  # stop after this wall time (CPU runs)
    bf16: bool = True  # on GPU; CPU runs use float32
    attn_implementation: str = "sdpa"
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.05
    lora_targets: list[str] = field(default_factory=lambda: ["q_proj", "k_proj", "v_proj", "o_proj"])
    train_limit: int | None = None  # use only the first N training examples
    seed: int = 42


def recipes_dir() -> Path:
    return package_data.path("recipes", "dyslexic_writer.training")


def load_recipe(name_or_path: str, overrides: dict | None = None) -> Recipe:
    path = Path(name_or_path)
    if not path.exists():
        path = recipes_dir() / f"{name_or_path}.yaml"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in recipes_dir().glob("*.yaml")))
        raise FileNotFoundError(f"no recipe {name_or_path!r} (known: {known})")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    data.update({k: v for k, v in (overrides or {}).items() if v is not None})
    names = {f.name for f in dataclasses.fields(Recipe)}
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"{path.name}: unknown recipe keys {sorted(unknown)}")
    return Recipe(**data)


def save_resolved(path: Path, config) -> None:
    data = dataclasses.asdict(config) if dataclasses.is_dataclass(config) else dict(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=True), encoding="utf-8")
