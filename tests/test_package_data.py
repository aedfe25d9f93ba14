"""Package data is found the same way from the source tree, an installed wheel and a PyInstaller
bundle; resources/ keeps hand-written and generated files apart, each name in one folder only."""

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dyslexic_writer import package_data
from dyslexic_writer.package_data import RESOURCES, load_yaml, locate, path, read_text, word_list
from dyslexic_writer.runtime.embedded import MODEL_ID
from dyslexic_writer.runtime.llama.output_head import head_tokens_path

ROOT = Path(__file__).resolve().parents[1]


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def test_the_source_tree():
    assert load_yaml("contractions.yaml")["safe"] and load_yaml("confusions.yaml")["groups"]
    assert path("contractions.yaml") == ROOT / "resources" / "curated" / "contractions.yaml"
    assert path("output_head/gemma3-270m.npy") == ROOT / "resources" / "generated" / "output_head" / "gemma3-270m.npy"
    assert head_tokens_path(MODEL_ID) == path(f"output_head/{MODEL_ID}.npy")
    assert "selfie" in word_list("extra_words.txt")
    assert read_text(RESOURCES, "channel.tsv").startswith("# Written by `dyslexic-writer train regenerate`")
    assert "families" in load_yaml("prompts.yaml", "dyslexic_writer.models")
    assert (path("recipes", "dyslexic_writer.training") / "gemma3-270m.yaml").is_file()


def test_a_missing_name_says_where_it_looked():
    with pytest.raises(FileNotFoundError, match="resources/curated or resources/generated"):
        locate(RESOURCES, "no-such-file.yaml")
    assert head_tokens_path("no-such-model") is None


def test_no_name_is_both_curated_and_generated():
    curated = _files(ROOT / "resources" / "curated")
    generated = _files(ROOT / "resources" / "generated")
    assert curated and generated and not curated & generated
    # Everything a program reads sits in one of the two folders; only the package marker and notes are above them.
    top = {p.name for p in (ROOT / "resources").iterdir() if p.name != "__pycache__"}
    assert top == {"__init__.py", "README.md", "curated", "generated"}


def test_every_generated_file_is_a_training_commands_output():
    from dyslexic_writer.training.cli import build_parser

    subs = next(a for a in build_parser()._actions if a.dest == "stage").choices
    outputs = {}
    for stage, parser in subs.items():
        out = next((a.default for a in parser._actions if a.dest == "out"), None)
        if out is not None and Path(out).parts[:1] == ("resources",):
            outputs[Path(out).relative_to("resources/generated").as_posix()] = stage
    generated = _files(ROOT / "resources" / "generated")
    # head-tokens writes its .json beside the .npy it names; `bench-cv --write` writes fitted.yaml
    # (app/cli/fit.py: it is fitted on the tagged dev half, not on ../shared/data)
    from dyslexic_writer.cli.fit import FITTED_PATH

    assert generated == set(outputs) | {n[:-4] + ".json" for n in outputs if n.endswith(".npy")} | {FITTED_PATH.name}
    for name, stage in outputs.items():
        if not name.endswith(".npy"):
            first = (ROOT / "resources" / "generated" / name).read_text(encoding="utf-8").splitlines()[0]
            # `train regenerate` runs every stage learned from pairs; the stage's own command writes it alone
            assert f"`dyslexic-writer train {stage}`" in first or "`dyslexic-writer train regenerate`" in first, name
    readme = (ROOT / "resources" / "README.md").read_text(encoding="utf-8")
    for name, stage in outputs.items():
        assert f"`{name}`" in readme, name
        assert f"`dyslexic-writer train {stage}`" in readme, stage


def test_a_namespace_package_root_takes_one_name_at_a_time(tmp_path, monkeypatch):
    """In a PyInstaller bundle, importlib saw resources/ as a namespace package, whose files() is a
    MultiplexedPath; before Python 3.12 its joinpath takes one name (the installer's TypeError)."""
    try:
        from importlib.resources.readers import MultiplexedPath
    except ImportError:  # Python 3.10
        from importlib.readers import MultiplexedPath
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    (tmp_path / "b" / "generated" / "output_head").mkdir(parents=True)
    (tmp_path / "b" / "generated" / "output_head" / "m.npy").write_bytes(b"x")
    monkeypatch.setattr(package_data.resources, "files", lambda _pkg: MultiplexedPath(tmp_path / "a", tmp_path / "b"))
    assert path("output_head/m.npy") == tmp_path / "b" / "generated" / "output_head" / "m.npy"


def _load_build(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "packaging"))
    spec = importlib.util.spec_from_file_location("dw_build_for_data", ROOT / "packaging" / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    import bundle_contents

    return build, bundle_contents


def test_a_pyinstaller_bundle(tmp_path, monkeypatch):
    """The bundle's folder laid out as the spec lays out data (bundle_contents.own_data_files), with
    a word only the bundle's copy has, so a read that went elsewhere would miss it."""
    build, bundle_contents = _load_build(monkeypatch)
    bundle = tmp_path / "bundle"
    for src, folder in bundle_contents.own_data_files(build.stage_sources(tmp_path / "work")):
        (bundle / folder).mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, bundle / folder)
    extra = bundle / "dyslexic_writer" / "resources" / "curated" / "lexicon" / "extra_words.txt"
    extra.write_text(extra.read_text(encoding="utf-8") + "zzbundleonly\n", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    load_yaml.cache_clear()
    try:
        assert "zzbundleonly" in word_list("extra_words.txt")
        assert head_tokens_path(MODEL_ID) == bundle / "dyslexic_writer" / "resources" / "generated" / "output_head" / f"{MODEL_ID}.npy"
        assert load_yaml("contractions.yaml")["safe"]
        assert "families" in load_yaml("prompts.yaml", "dyslexic_writer.models")
        assert path("catalog.yaml", "dyslexic_writer.models").parent == bundle / "dyslexic_writer" / "models"
    finally:
        load_yaml.cache_clear()


def test_an_installed_wheel_checks_text(tmp_path, lexicon):
    """A wheel built from this tree, installed into a bare folder: its resources are found and
    `check --engine fast` works from it (the dictionary index is the test run's own)."""
    src = tmp_path / "src"  # a copy, so the build leaves no build/ or egg-info in the checkout
    for folder in ("app", "training", "resources", "models"):
        shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "wheel"), str(src)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = (tmp_path / "wheel").glob("dyslexic_writer-*.whl")
    target = tmp_path / "installed"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True, capture_output=True,
                   timeout=300)
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = ("import dyslexic_writer, sys; from dyslexic_writer import package_data as d; "
            "print(dyslexic_writer.__file__); print(d.path('output_head/gemma3-270m.npy')); "
            "print(len(d.word_list('extra_words.txt')), sorted(d.load_yaml('confusions.yaml')))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    where, npy, lists = out.stdout.splitlines()
    assert Path(where).is_relative_to(target) and Path(npy).is_relative_to(target / "dyslexic_writer" / "resources" / "generated")
    assert lists.startswith(tuple("123456789")) and "groups" in lists
    check = subprocess.run([sys.executable, "-m", "dyslexic_writer", "check", "--engine", "fast"], env=env,
                           input="I went to teh store.\n", capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stderr
    assert "corrected: I went to the store." in check.stdout
