"""Every import package in the source folders is listed in pyproject.toml: setuptools' `packages`
list is explicit, and the packaging script stages one `package-dir` entry at a time, so a
sub-package missing from either would be left out of the wheel or the app."""

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+
ROOT = Path(__file__).resolve().parents[2]


def test_every_package_folder_is_listed():
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    mapped = setup["package-dir"]
    assert set(setup["packages"]) == set(mapped)
    folders = {folder: pkg for pkg, folder in mapped.items()}
    for folder in set(folders):
        for init in (ROOT / folder).rglob("__init__.py"):
            sub = init.parent.relative_to(ROOT).as_posix()
            assert sub in folders, f"{sub} holds a package that pyproject.toml does not list"
