"""Reading the data files that ship inside the package (`resources/`, `models/`)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


def read_text(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_yaml(name: str, package: str = "dyslexic_writer.resources"):
    return yaml.safe_load(read_text(package, name))


def word_list(name: str) -> list[str]:
    """A `resources/lexicon/*.txt` list: one entry per line, `#` comments."""
    out = []
    for line in read_text("dyslexic_writer.resources", f"lexicon/{name}").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out
