"""`dyslexic-writer doctor`: can this computer run the app, and if not, what exactly to install.

Each check gives a plain-language line and, when something is wrong, the command that fixes it.
The Qt check looks at the platform plugin's libraries with `ldd` instead of starting Qt, because a
missing library (libxcb-cursor0 on a fresh Ubuntu) makes Qt print a cryptic line and abort the
process; `preflight()` runs the quick checks before the window opens, so that never happens.
Nothing here imports Qt or llama.cpp at module level; every probe is injectable for tests.
"""

from __future__ import annotations

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


def check_models() -> list[Finding]:
    from .runtime import catalog as cat
    from .runtime.download import verify
    from .settings import load_settings

    settings = load_settings()[0]
    found = []
    ok, msg = verify(cat.find("gemma3-270m"), settings.models_path())
    found.append(Finding("embedded model", OK if ok else WARN, msg if ok else f"{msg}; the app works with the fast engine only",
                         "" if ok else "reinstall Dyslexic Writer (the embedded model ships with it)"))
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
