"""`dyslexic-writer doctor`: can this computer run the app, and if not, what exactly to install.

Each check gives a plain-language line and, when something is wrong, the command that fixes it.
The Qt check looks at the platform plugin's libraries with `ldd` instead of starting Qt, because a
missing library (libxcb-cursor0 on a fresh Ubuntu) makes Qt print a cryptic line and abort the
process; `preflight()` runs the quick checks before the window opens, so that never happens.
Nothing here imports Qt or llama.cpp at module level; every probe is injectable for tests.
"""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

OK, WARN, FAIL = "ok", "warn", "FAIL"

# Debian/Ubuntu packages for libraries whose package name does not follow from the file name.
_PACKAGES = {"libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libOpenGL.so.0": "libopengl0",
             "libspeechd.so.2": "libspeechd2", "libpulse.so.0": "libpulse0"}


@dataclass(frozen=True)
class Finding:
    name: str
    status: str  # ok, warn (works, but something is missing), FAIL (the part cannot work)
    message: str
    fix: str = ""


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships a library: libxcb-cursor.so.0 -> libxcb-cursor0."""
    if soname in _PACKAGES:
        return _PACKAGES[soname]
    m = re.match(r"(lib[\w+.-]+?)\.so\.(\d+)", soname)
    if not m:
        return soname
    base, major = m.group(1).lower(), m.group(2)
    return f"{base}-{major}" if base[-1].isdigit() else f"{base}{major}"


def _ldd(path: Path) -> str | None:
    try:
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout + out.stderr


def missing_libraries(path: Path, ldd: Callable[[Path], str | None] = _ldd) -> list[str] | None:
    """Libraries `path` needs that the system lacks (None when ldd is not available)."""
    out = ldd(path)
    if out is None:
        return None
    names = re.findall(r"^\s*(\S+) => not found", out, re.M)
    # Qt's own libraries sit in the bundle or the wheel and are found at run time, not by ldd.
    return [n for n in dict.fromkeys(names) if not n.startswith(("libQt6", "libpyside6", "libshiboken6"))]


def qt_folder() -> Path | None:
    """PySide6's Qt folder (plugins/, lib/), without importing Qt."""
    from importlib.util import find_spec

    try:
        spec = find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    roots = list(spec.submodule_search_locations or []) if spec else []
    if getattr(sys, "_MEIPASS", None):
        roots.append(os.path.join(sys._MEIPASS, "PySide6"))
    for root in roots:
        for sub in ("Qt", ""):  # wheels keep plugins in PySide6/Qt/plugins on Linux and macOS, PySide6/plugins on Windows
            if (Path(root) / sub / "plugins").is_dir():
                return Path(root) / sub
    return None


def wanted_platforms(env: dict[str, str], system: str) -> list[str]:
    """The Qt platform plugins Qt would try here, in order."""
    if env.get("QT_QPA_PLATFORM"):
        return [p.split(":")[0] for p in env["QT_QPA_PLATFORM"].split(";") if p]
    if system == "Windows":
        return ["windows"]
    if system == "Darwin":
        return ["cocoa"]
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def _plugin_file(folder: Path, name: str, system: str) -> Path:
    stem = {"Windows": f"q{name}.dll", "Darwin": f"libq{name}.dylib"}.get(system, f"libq{name}.so")
    return folder / "plugins" / "platforms" / stem


def check_qt(env: dict[str, str] | None = None, system: str | None = None, folder: Path | None = None,
             ldd: Callable[[Path], str | None] = _ldd) -> Finding:
    import platform as _platform

    env = dict(os.environ) if env is None else env
    system = system or _platform.system()
    folder = folder or qt_folder()
    name = "Qt window system"
    if folder is None:
        return Finding(name, FAIL, "PySide6 (Qt for Python) is not installed", "pip install pyside6")
    plugins = wanted_platforms(env, system)
    if system == "Linux" and plugins[0] in ("xcb", "wayland") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return Finding(name, FAIL, "no desktop session here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the "
                       "editor cannot open a window; `dyslexic-writer check` works without one",
                       "start it from a desktop session, or set QT_QPA_PLATFORM=offscreen for screenshots")
    problems = []
    for plugin in plugins:
        path = _plugin_file(folder, plugin, system)
        if not path.exists():
            problems.append((plugin, f"the {plugin} platform plugin is missing from this install ({path.name})", ""))
            continue
        missing = missing_libraries(path, ldd) if system == "Linux" else []
        if missing:
            pkgs = " ".join(dict.fromkeys(debian_package(m) for m in missing))
            problems.append((plugin, f"the {plugin} platform plugin needs system libraries that are not installed: "
                             f"{', '.join(missing)}", f"sudo apt install {pkgs}   (on other distributions, the packages that provide these files)"))
            continue
        return Finding(name, OK, f"the {plugin} platform plugin can load")
    plugin, message, fix = problems[0]
    return Finding(name, FAIL, message, fix)


def check_speech(folder: Path | None = None, system: str | None = None,
                 ldd: Callable[[Path], str | None] = _ldd) -> Finding:
    """Reading aloud is optional: a missing engine is a warning, never a failure."""
    import platform as _platform

    system = system or _platform.system()
    folder = folder or qt_folder()
    name = "speech (read aloud)"
    plugins = sorted((folder / "plugins" / "texttospeech").glob("*")) if folder else []
    plugins = [p for p in plugins if "mock" not in p.name]
    if not plugins:
        return Finding(name, WARN, "no text-to-speech plugin in this install; reading aloud is off")
    if system != "Linux":
        return Finding(name, OK, f"text-to-speech engine available ({', '.join(p.stem for p in plugins)})")
    for p in plugins:
        missing = missing_libraries(p, ldd)
        if missing == []:
            return Finding(name, OK, f"text-to-speech engine available ({p.stem})")
    return Finding(name, WARN, "no speech engine is installed, so reading aloud is off (everything else works)",
                   "sudo apt install speech-dispatcher espeak-ng")


def check_llama(inspect=None, gpus=None) -> Finding:
    from .runtime.backend import advise, environment_switches
    from .runtime.backend import inspect as _inspect

    info = (inspect or _inspect)()
    if gpus is None:
        from .runtime.hardware import Probe, detect

        gpus = detect(Probe(backend=lambda: info, offload=lambda: False)).gpus
    name = "llama.cpp (context model)"
    if not info.loaded:
        return Finding(name, WARN, f"{info.error}; the app works with the fast engine only",
                       advise(info, gpus).fix)
    switches = environment_switches()
    extra = f" [{', '.join(f'{k}={v}' for k, v in switches.items())}]" if switches else ""
    advice = advise(info, gpus)
    if not advice.ok:
        return Finding(name, WARN, f"{info.label()}{extra}. {advice.reason}", advice.fix)
    tail = advice.summary.split("; ", 1)[1] if "; " in advice.summary else ""  # the build is in the label already
    return Finding(name, OK, f"{info.label()}{extra}" + (f"; {tail}" if tail else ""))


# -- the context model: why it cannot be used, and the fix -----------------------------------------

@dataclass(frozen=True)
class ModelProblem:
    """Why the context model cannot be used, as a value: the editor's model thread makes one and the
    window shows it (`status_line`); `doctor` prints its `fix`. `cause` is one of disk_space, corrupt,
    missing, llama_build (this llama.cpp cannot run the model), memory, io."""

    cause: str
    detail: str  # the underlying message, in full (a tooltip, doctor's line)
    folder: str = ""
    needed_mb: int | None = None
    free_mb: int | None = None
    embedded: bool = True

    def short(self) -> str:
        """The reason in a few plain words, for the status bar."""
        if self.cause == "disk_space":
            if self.needed_mb is not None and self.free_mb is not None:
                return f"not enough free disk space for the model (needs {self.needed_mb} MB, {self.free_mb} MB free)"
            return "not enough free disk space for the model" + (f" (needs {self.needed_mb} MB)" if self.needed_mb else "")
        return {
            "corrupt": "the model file is damaged",
            "missing": "the model is not installed",
            "llama_build": "the installed llama.cpp cannot run the model",
            "memory": "not enough memory for the model",
        }.get(self.cause, "the model could not be prepared")

    def status_line(self) -> str:
        return f"Context checks are off: {self.short()}. Spelling checks still work."

    @property
    def fix(self) -> str:
        if self.cause == "disk_space":
            where = f" in {self.folder}" if self.folder else ""
            room = f"{self.needed_mb - (self.free_mb or 0)} MB or more" if self.needed_mb else "some disk space"
            return (f"free {room}{where} (or set DYSLEXIC_WRITER_CACHE_DIR to a folder on a disk with room), "
                    "then start Dyslexic Writer again")
        if self.cause in ("corrupt", "missing"):
            return ("reinstall Dyslexic Writer (the embedded model ships with it)" if self.embedded
                    else "download the model again (dyslexic-writer models download ...) or choose another in File > Settings")
        if self.cause == "llama_build":
            if getattr(sys, "frozen", False):
                return "download the current Dyslexic Writer for this computer (its llama.cpp is too old or broken)"
            return "pip install --upgrade --force-reinstall llama-cpp-python   (dyslexic-writer doctor names the build for your GPU)"
        if self.cause == "memory":
            return "close other programs, or choose a smaller model in File > Settings"
        return "check that the cache folder can be written (dyslexic-writer doctor lists it)"


def _chain(exc: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    while exc is not None and all(exc is not e for e in found):
        found.append(exc)
        exc = exc.__cause__ or exc.__context__
    return found


def diagnose(exc: BaseException, embedded: bool = True) -> ModelProblem:
    """The `ModelProblem` behind a failed model load (`assemble.EngineUnavailable` keeps the original
    error as its cause). `embedded`: the embedded model, whose file is checked against its published
    checksum, so llama.cpp refusing it means the llama.cpp build is at fault, not the file."""
    from .runtime.embedded import EmbeddedModelError

    chain = _chain(exc)
    detail = next((str(e) for e in chain if str(e)), type(exc).__name__)
    for e in chain:
        if isinstance(e, EmbeddedModelError):
            if e.cause == "disk_space":
                return ModelProblem("disk_space", str(e), e.folder, e.needed_mb, e.free_mb)
            return ModelProblem(e.cause if e.cause in ("corrupt", "missing") else "io", str(e))
        if isinstance(e, OSError) and e.errno == errno.ENOSPC:
            return ModelProblem("disk_space", detail, embedded=embedded)
    for e in chain:
        text = str(e).lower()
        if isinstance(e, ImportError) or "shared library" in text or "llama-cpp-python is not installed" in text:
            return ModelProblem("llama_build", detail, embedded=embedded)
        if type(e).__name__ == "ModelLoadError":
            if "not enough memory" in text:
                return ModelProblem("memory", detail, embedded=embedded)
            if "not found" in text:
                return ModelProblem("missing", detail, embedded=embedded)
            if "could not load" in text and embedded:
                return ModelProblem("llama_build", detail, embedded=embedded)
            return ModelProblem("corrupt", detail, embedded=embedded)
    return ModelProblem("io", detail, embedded=embedded)


def _probe_llama(path: Path) -> None:
    """Whether this llama.cpp knows the model's architecture: its vocabulary only (under a second)."""
    from .runtime.llama import ModelLoadError, quiet_llama_logs

    quiet_llama_logs()
    from llama_cpp import Llama

    try:
        Llama(str(path), vocab_only=True, verbose=False)
    except ValueError as exc:  # llama-cpp-python's "Failed to load model from file"
        raise ModelLoadError(f"llama.cpp could not load {path}: {exc}") from exc


def check_embedded(locate: Callable[[], Path] | None = None, probe: Callable[[Path], None] | None = None) -> Finding:
    """The embedded model: its file (joined and verified as the editor would) and whether this
    llama.cpp can run it, with the fix for the real cause."""
    name = "embedded model"
    if locate is None:
        from .runtime.embedded import embedded_model_path as locate
    try:
        path = locate()
    except Exception as exc:  # noqa: BLE001 - every failure is a finding, never a traceback
        p = diagnose(exc)
        return Finding(name, WARN, f"{p.detail}; the app works with the fast engine only", p.fix)
    try:
        (probe or _probe_llama)(path)
    except Exception as exc:  # noqa: BLE001
        p = diagnose(exc)
        p = p if p.cause in ("llama_build", "memory") else ModelProblem("llama_build", p.detail)
        return Finding(name, WARN, f"the file is fine ({path}), but this llama.cpp cannot run it ({p.detail}); "
                       "the app works with the fast engine only", p.fix)
    return Finding(name, OK, f"embedded model verified at {path}")


def check_models() -> list[Finding]:
    from .runtime import catalog as cat
    from .runtime.download import verify
    from .settings import load_settings

    settings = load_settings()[0]
    found = [check_embedded()]
    if settings.engine != "fast" and settings.model and settings.model != "gemma3-270m":
        try:
            entry = cat.find(settings.model)
        except cat.CatalogError:
            path = Path(settings.model).expanduser()
            found.append(Finding("chosen model", OK if path.is_file() else WARN,
                                 f"{path} {'exists' if path.is_file() else 'is missing'}",
                                 "" if path.is_file() else "choose another model in File > Settings"))
        else:
            ok, msg = verify(entry, settings.models_path())
            found.append(Finding(f"chosen model ({entry.id})", OK if ok else WARN, msg,
                                 "" if ok else f"dyslexic-writer models download {entry.id}"))
    return found


def check_folders() -> list[Finding]:
    from .paths import cache_dir, config_dir, data_dir

    found = []
    for label, folder in (("settings folder", config_dir()), ("data folder", data_dir()), ("cache folder", cache_dir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / f".write-test-{os.getpid()}"
            probe.write_text("ok", encoding="utf-8")
            probe.unlink()
        except OSError as exc:
            found.append(Finding(label, FAIL, f"{folder} cannot be written ({exc.strerror or exc})",
                                 "free some disk space, fix the folder's permissions, or set DYSLEXIC_WRITER_HOME to a writable folder"))
        else:
            found.append(Finding(label, OK, f"{folder} is writable"))
    return found


def preflight() -> list[Finding]:
    """The quick checks (milliseconds) that decide whether the window can open at all."""
    return [check_qt(), *check_folders()]


def run_all() -> list[Finding]:
    return [check_qt(), check_speech(), check_llama(), *check_models(), *check_folders()]


def report(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        lines.append(f"  {f.status:<4}  {f.name}: {f.message}")
        if f.fix and f.status != OK:
            lines.append(f"        fix: {f.fix}")
    failed = [f for f in findings if f.status == FAIL]
    warned = [f for f in findings if f.status == WARN]
    if failed:
        lines.append(f"{len(failed)} problem(s) stop Dyslexic Writer from working fully; the fixes are above.")
    elif warned:
        lines.append("Dyslexic Writer works here; the warnings above only turn optional parts off.")
    else:
        lines.append("Everything Dyslexic Writer needs is in place.")
    return "\n".join(lines)


def exit_code(findings: list[Finding]) -> int:
    return 1 if any(f.status == FAIL for f in findings) else 0
