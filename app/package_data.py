"""Reading the data files that ship inside the package: `resources/` (word lists, tables, weights),
`models/` (the catalog and prompt formats) and `training/recipes/`.

Every read goes through here, so a file is found the same way from a source checkout (editable
install), an installed wheel and a PyInstaller bundle. `resources/` holds two folders, `curated/`
(written by hand) and `generated/` (written by a `dyslexic-writer train` command); callers name a
resource without its folder, and a name lives in only one of them.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

RESOURCES = "dyslexic_writer.resources"
# Searched in this order; tests/test_package_data.py checks that no name is in both.
RESOURCE_FOLDERS = ("curated", "generated")


def _package_root(package: str) -> Traversable:
    if getattr(sys, "frozen", False) and getattr(sys, "_MEIPASS", None):
        # A PyInstaller bundle keeps data files as plain files under its folder, laid out as the
        # package (packaging/dyslexic-writer.spec). A data-only package is not among its frozen
        # modules, so importlib would see a namespace package there: ask the folder instead.
        return Path(sys._MEIPASS, *package.split("."))
    return resources.files(package)


def _child(node: Traversable, name: str) -> Traversable:
    # One step per part: a namespace package's MultiplexedPath.joinpath takes a single name
    # before Python 3.12, so `joinpath("a", "b")` breaks where `/ "a" / "b"` does not.
    for part in name.split("/"):
        node = node / part
    return node


def locate(package: str, name: str) -> Traversable:
    """The data file (or folder) `name`, a `/`-separated path inside `package`; in `resources`,
    inside curated/ or generated/."""
    root = _package_root(package)
    if package != RESOURCES:
        return _child(root, name)
    for folder in RESOURCE_FOLDERS:
        node = _child(root, f"{folder}/{name}")
        if node.is_file() or node.is_dir():
            return node
    raise FileNotFoundError(f"no resource {name!r} in resources/{' or resources/'.join(RESOURCE_FOLDERS)}")


def path(name: str, package: str = RESOURCES) -> Path:
    """A data file or folder as a path on disk, for readers that need one (numpy, glob).
    Wheels and bundles install their files unzipped, so there always is one."""
    node = locate(package, name)
    if not isinstance(node, Path):
        raise FileNotFoundError(f"{package}: {name} is not a plain file on disk ({type(node).__name__})")
    return node


def read_text(package: str, name: str) -> str:
    return locate(package, name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_yaml(name: str, package: str = RESOURCES):
    return yaml.safe_load(read_text(package, name))


def word_list(name: str) -> list[str]:
    """A `lexicon/*.txt` list: one entry per line, `#` comments."""
    out = []
    for line in read_text(RESOURCES, f"lexicon/{name}").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out
