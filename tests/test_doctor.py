"""`dyslexic-writer doctor`: fakes for ldd and the Qt folder, so no display or GPU is needed."""

from pathlib import Path

from dyslexic_writer import doctor
from dyslexic_writer.runtime.backend import BackendInfo, Device


def qt_tree(tmp_path: Path, plugins=("xcb", "wayland", "offscreen")) -> Path:
    folder = tmp_path / "Qt"
    (folder / "plugins" / "platforms").mkdir(parents=True)
    for p in plugins:
        (folder / "plugins" / "platforms" / f"libq{p}.so").write_bytes(b"\x7fELF")
    return folder


LDD_MISSING_CURSOR = """\
\tlibQt6XcbQpa.so.6 => not found
\tlibxcb-cursor.so.0 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6
"""


def test_debian_package_names():
    assert doctor.debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert doctor.debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert doctor.debian_package("libEGL.so.1") == "libegl1"
    assert doctor.debian_package("libdbus-1.so.3") == "libdbus-1-3"


def test_missing_xcb_libraries_name_the_package_and_the_command(tmp_path):
    f = doctor.check_qt(env={"DISPLAY": ":0"}, system="Linux", folder=qt_tree(tmp_path), ldd=lambda p: LDD_MISSING_CURSOR)
    assert f.status == doctor.FAIL
    assert "libxcb-cursor.so.0" in f.message and "libQt6" not in f.message
    assert f.fix.startswith("sudo apt install libxcb-cursor0 libxkbcommon-x11-0")


def test_a_complete_system_passes(tmp_path):
    f = doctor.check_qt(env={"DISPLAY": ":0"}, system="Linux", folder=qt_tree(tmp_path), ldd=lambda p: "\tlibc.so.6 => /lib/libc.so.6\n")
    assert f.status == doctor.OK and "xcb" in f.message


def test_wayland_session_falls_back_to_xcb(tmp_path):
    calls = []

    def ldd(p):
        calls.append(p.name)
        return LDD_MISSING_CURSOR if "wayland" in p.name else ""

    env = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}
    f = doctor.check_qt(env=env, system="Linux", folder=qt_tree(tmp_path), ldd=ldd)
    assert f.status == doctor.OK and calls == ["libqwayland.so", "libqxcb.so"]


def test_no_display_is_said_plainly(tmp_path):
    f = doctor.check_qt(env={}, system="Linux", folder=qt_tree(tmp_path), ldd=lambda p: "")
    assert f.status == doctor.FAIL and "no desktop session" in f.message and "check" in f.message


def test_offscreen_needs_no_display(tmp_path):
    f = doctor.check_qt(env={"QT_QPA_PLATFORM": "offscreen"}, system="Linux", folder=qt_tree(tmp_path), ldd=lambda p: "")
    assert f.status == doctor.OK


def test_missing_pyside(tmp_path, monkeypatch):
    monkeypatch.setattr(doctor, "qt_folder", lambda: None)
    assert doctor.check_qt(env={"DISPLAY": ":0"}, system="Linux").status == doctor.FAIL


def test_speech_is_only_a_warning(tmp_path):
    folder = qt_tree(tmp_path)
    (folder / "plugins" / "texttospeech").mkdir()
    (folder / "plugins" / "texttospeech" / "libqtexttospeech_speechd.so").write_bytes(b"")
    f = doctor.check_speech(folder, "Linux", ldd=lambda p: "\tlibspeechd.so.2 => not found\n")
    assert f.status == doctor.WARN and "speech-dispatcher" in f.fix
    assert doctor.check_speech(folder, "Linux", ldd=lambda p: "").status == doctor.OK


def test_llama_backend_findings():
    cpu = BackendInfo(True, ("CPU",), (Device("CPU", "cpu", "cpu", "CPU"),), "/lib", "0.3.36")
    from dyslexic_writer.runtime.hardware import GPU

    assert doctor.check_llama(lambda: cpu, gpus=()).status == doctor.OK
    gaming = doctor.check_llama(lambda: cpu, gpus=(GPU("nvidia", "RTX 3080", 10),))
    assert gaming.status == doctor.WARN and "CPU-only build" in gaming.message and "cu12" in gaming.fix
    broken = doctor.check_llama(lambda: BackendInfo(False, error="llama-cpp-python is not installed"), gpus=())
    assert broken.status == doctor.WARN and "fast engine" in broken.message


def test_unwritable_data_folder_fails(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("DYSLEXIC_WRITER_DATA_DIR", str(blocker / "data"))
    found = {f.name: f for f in doctor.check_folders()}
    assert found["data folder"].status == doctor.FAIL and "DYSLEXIC_WRITER_HOME" in found["data folder"].fix
    assert found["settings folder"].status == doctor.OK


def test_report_and_exit_code():
    ok = doctor.Finding("a", doctor.OK, "fine")
    warn = doctor.Finding("b", doctor.WARN, "meh", "do x")
    fail = doctor.Finding("c", doctor.FAIL, "broken", "do y")
    assert doctor.exit_code([ok, warn]) == 0 and doctor.exit_code([ok, fail]) == 1
    text = doctor.report([ok, warn, fail])
    assert "fix: do y" in text and "fix: do x" in text and "1 problem" in text


def test_gui_refuses_plainly_before_qt_starts(monkeypatch, capsys):
    from dyslexic_writer import cli

    monkeypatch.setattr(doctor, "preflight", lambda: [doctor.Finding("Qt window system", doctor.FAIL, "no desktop", "log in")])
    assert cli.main(["gui"]) == 3
    err = capsys.readouterr().err
    assert "cannot open its window" in err and "fix: log in" in err


# -- the embedded model: the real cause and its fix ----------------------------------------------

def _raises(message, cause, **facts):
    from dyslexic_writer.runtime.embedded import EmbeddedModelError

    def locate():
        raise EmbeddedModelError(message, cause, **facts)

    return locate


def test_embedded_model_on_a_full_disk_says_where_and_how_much_to_free():
    f = doctor.check_embedded(_raises("not enough free disk space in /home/ann/.cache/dyslexic-writer/models to prepare "
                                      "the embedded model: it needs 266 MB, 20 MB are free", "disk_space",
                                      folder="/home/ann/.cache/dyslexic-writer/models", needed_mb=266, free_mb=20))
    assert f.status == doctor.WARN and "266 MB" in f.message and "fast engine" in f.message
    assert "free 246 MB or more in /home/ann/.cache/dyslexic-writer/models" in f.fix and "reinstall" not in f.fix


def test_embedded_model_disk_filling_up_midway_says_how_much_to_free():
    f = doctor.check_embedded(_raises("the disk holding /c/models filled up while preparing the embedded model; "
                                      "free 250 MB there", "disk_space", folder="/c/models", needed_mb=250))
    assert "free 250 MB or more in /c/models" in f.fix


def test_embedded_model_damaged_or_missing_says_reinstall():
    for cause in ("corrupt", "missing"):
        f = doctor.check_embedded(_raises("the embedded model's files are damaged (checksum mismatch)", cause))
        assert f.status == doctor.WARN and f.fix.startswith("reinstall Dyslexic Writer")


def test_embedded_model_a_llama_cpp_that_cannot_run_it_is_named(tmp_path):
    from dyslexic_writer.runtime.llama import ModelLoadError

    def too_old(path):
        raise ModelLoadError(f"llama.cpp could not load {path}: unknown model architecture: 'gemma3'")

    f = doctor.check_embedded(lambda: tmp_path / "m.gguf", too_old)
    assert f.status == doctor.WARN and "the file is fine" in f.message and "llama.cpp cannot run it" in f.message
    assert "llama-cpp-python" in f.fix and "reinstall Dyslexic Writer" not in f.fix
    no_llama = doctor.check_embedded(lambda: tmp_path / "m.gguf", lambda p: __import__("llama_cpp_missing_xyz"))
    assert "llama-cpp-python" in no_llama.fix


def test_embedded_model_fine():
    f = doctor.check_embedded(lambda: Path("/m.gguf"), lambda p: None)
    assert f.status == doctor.OK and "/m.gguf" in f.message


def test_diagnose_reads_through_the_engine_error_and_says_it_plainly():
    from dyslexic_writer.assemble import EngineUnavailable
    from dyslexic_writer.runtime.embedded import EmbeddedModelError
    from dyslexic_writer.runtime.llama import ModelLoadError

    def wrapped(inner):
        try:
            try:
                raise inner
            except Exception as exc:
                raise EngineUnavailable(str(exc)) from exc
        except EngineUnavailable as outer:
            return outer

    disk = doctor.diagnose(wrapped(EmbeddedModelError(
        "not enough free disk space in /x to prepare the embedded model: it needs 266 MB, 20 MB are free", "disk_space",
        "/x", 266, 20)))
    assert disk.status_line() == ("Context checks are off: not enough free disk space for the model "
                                  "(needs 266 MB, 20 MB free). Spelling checks still work.")
    assert doctor.diagnose(wrapped(ModelLoadError("not enough memory to start m.gguf"))).cause == "memory"
    load = wrapped(ModelLoadError("llama.cpp could not load /m.gguf (truncated or unsupported file?)"))
    assert doctor.diagnose(load).cause == "llama_build"  # the embedded file passed its checksum
    assert doctor.diagnose(load, embedded=False).cause == "corrupt"  # a file of the writer's own may be bad
    assert doctor.diagnose(wrapped(ModuleNotFoundError("No module named 'llama_cpp'"))).cause == "llama_build"
