"""Where a generated resource came from. Its header names the command that wrote it, the data files
it was built from (relative to the data folder), a sha256 fingerprint of those files and the source
weights, so a test can tell when the shipped file no longer matches ../shared/data."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

INPUTS = "# Inputs: "
DIGEST = "# Inputs sha256: "


def fingerprint(data: Path, files: Iterable[str]) -> str:
    """sha256 over the files in sorted order of their relative paths: each path, its length in bytes
    and its bytes, so no two different sets of files run together into the same stream."""
    h = hashlib.sha256()
    for rel in sorted(set(files)):
        body = (data / rel).read_bytes()
        h.update(f"{rel}\0{len(body)}\0".encode())
        h.update(body)
    return h.hexdigest()


def header(made_by: str, module: str, data: Path, files: Iterable[str], weights: str, what: str) -> str:
    """The comment block a generated file starts with (`#` lines, readable in TSV and YAML alike)."""
    files = sorted(set(files))
    return "".join(f"# {line}\n" for line in (
        f"Written by `{made_by}` ({module}): {what}",
        "Learned from the training split of these files of the data folder (../shared/data), never",
        "from the held-out split or any benchmark.",
        f"Source weights (training/pair_sources.yaml): {weights}",
    )) + f"{INPUTS}{' '.join(files)}\n{DIGEST}{fingerprint(data, files)}\n"


def recorded(text: str) -> tuple[list[str], str] | None:
    """(files, sha256) from a generated file's header, or None where it records none."""
    files = re.search(f"^{re.escape(INPUTS)}(.*)$", text, re.M)
    digest = re.search(f"^{re.escape(DIGEST)}([0-9a-f]{{64}})$", text, re.M)
    if not files or not digest:
        return None
    return files.group(1).split(), digest.group(1)
