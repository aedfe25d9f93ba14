"""Build the installable app: `python packaging/build.py linux|windows|macos [--dry-run]`.

Run it in the environment the app is installed in (`pip install -e '.[packaging]'`). It
1. checks that the installed llama.cpp is portable (a build tuned to this CPU crashes elsewhere),
2. builds the dictionary index, so the bundle's first start does not have to,
3. runs PyInstaller on packaging/dyslexic-writer.spec (one folder: dist/dyslexic-writer/),
4. wraps it: a tarball with install.sh and a .desktop file (Linux), an Inno Setup installer
   (Windows), a signed .app in a .dmg (macOS),
5. smoke-tests the built artefact (Linux, and wherever it runs): `check --engine auto` and
   `--engine model` with only a fresh HOME and a minimal PATH, `doctor`, and `screenshot`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from bundle_contents import APP_NAME, DISPLAY_NAME  # noqa: E402

PLATFORMS = ("linux", "windows", "macos")
# What GGML_NATIVE=OFF still enables on x86-64 (llama.cpp's defaults: AVX2 with FMA/F16C, Haswell
# and newer); anything past it means the library was tuned to the build machine.
_PORTABLE_X86 = {"SSE3", "SSSE3", "AVX", "AVX2", "F16C", "FMA", "BMI2", "SSE42"}
_NON_ISA = {"LLAMAFILE", "OPENMP", "REPACK", "KLEIDIAI", "ACCELERATE", "METAL", "BLAS"}
SAMPLE = "Im going to teh shop becuz i need milk.\nTheir was alot of people."


def version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^version = "([^"]+)"', text, re.M).group(1)


def native_flags(system_info: str, machine: str | None = None) -> list[str]:
    """CPU features in llama.cpp's system info that a portable x86-64 build would not have."""
    if (machine or platform.machine()).lower() not in ("x86_64", "amd64"):
        return []  # arm64 builds target the baseline of their platform (Apple Silicon, armv8.x)
    on = re.findall(r"(\w+) = 1", system_info)
    return sorted({f for f in on if f not in _PORTABLE_X86 and f not in _NON_ISA and f != "CPU"})


def llama_system_info() -> str:
    out = subprocess.run([sys.executable, "-c", "import llama_cpp; print(llama_cpp.llama_print_system_info().decode())"],
                         capture_output=True, text=True)
    return out.stdout.strip()


def llama_version() -> str:
    from importlib.metadata import version as v

    return v("llama-cpp-python")


def portable_llama_command(cmake_args: str = "-DGGML_NATIVE=OFF") -> tuple[list[str], dict[str, str]]:
    """Rebuild llama-cpp-python (same version) for any CPU of this architecture: about 5 minutes."""
    return [sys.executable, "-m", "pip", "install", "--no-cache-dir", "--force-reinstall", "--no-deps",
            f"llama-cpp-python=={llama_version()}"], {"CMAKE_ARGS": cmake_args, "FORCE_CMAKE": "1"}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="build.py", description=__doc__.split("\n")[0])
    p.add_argument("platform", choices=PLATFORMS)
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    p.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder (default: build/)")
    p.add_argument("--dry-run", action="store_true", help="print the steps and check the inputs, build nothing")
    p.add_argument("--portable-llama", action="store_true",
                   help="first rebuild llama-cpp-python in THIS environment with GGML_NATIVE=OFF")
    p.add_argument("--allow-native", action="store_true",
                   help="bundle a llama.cpp tuned to this CPU anyway (for local testing only)")
    p.add_argument("--skip-smoke", action="store_true", help="do not run the built app")
    args = p.parse_args(argv)
    host = {"Linux": "linux", "Windows": "windows", "Darwin": "macos"}.get(platform.system())
    if host != args.platform and not args.dry_run:
        p.error(f"PyInstaller cannot cross-build: build the {args.platform} app on {args.platform} (see the CI workflow)")
    return args


def steps(args) -> list[str]:
    """The plan, in words (printed by --dry-run and checked by the tests)."""
    plan = []
    if args.portable_llama:
        plan.append("rebuild llama-cpp-python with GGML_NATIVE=OFF")
    plan += ["check that llama.cpp is portable", "build the dictionary index", "run PyInstaller"]
    plan.append({"linux": "make the tarball with install.sh and the .desktop file",
                 "windows": "make the Inno Setup installer", "macos": "sign the .app and make the .dmg"}[args.platform])
    if not args.skip_smoke and args.platform == "linux":
        plan.append("smoke-test the built app")
    return plan


def check_inputs() -> list[str]:
    """Problems that would make a build fail or come out broken."""
    problems = []
    for name in ("entry.py", "dyslexic-writer.spec", "linux/install.sh", "linux/dyslexic-writer.desktop",
                 "dyslexic-writer.svg", "windows/dyslexic-writer.iss", "macos/entitlements.plist"):
        if not (HERE / name).exists():
            problems.append(f"missing packaging/{name}")
    from importlib.util import find_spec

    for mod in ("PyInstaller", "llama_cpp", "PySide6", "dyslexic_writer"):
        if find_spec(mod) is None:
            problems.append(f"{mod} is not installed here (pip install -e '.[packaging]')")
    return problems


def build_index(work: Path) -> Path:
    """The dictionary index, built by the same code the app uses, in a clean folder."""
    out = work / "index"
    # An index from an earlier build is reused when its fingerprint still matches the sources.
    code = ("import sys; from pathlib import Path; from dyslexic_writer.engine import lexicon as L; "
            "p = Path(sys.argv[1]) / f'lexicon-v{L.INDEX_FORMAT}.sqlite'; "
            "L.is_current(p) or L.build_index(p); assert L.is_current(p); print(p)")
    done = subprocess.run([sys.executable, "-c", code, str(out)], check=True, capture_output=True, text=True)
    return Path(done.stdout.strip().splitlines()[-1])


def package_dirs() -> dict[str, str]:
    """pyproject's [tool.setuptools.package-dir]: import package -> source folder."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = text.split("[tool.setuptools.package-dir]", 1)[1].split("\n[", 1)[0]
    return dict(re.findall(r'^"([\w.]+)"\s*=\s*"([^"]+)"', section, re.M))


def stage_sources(work: Path, skip: tuple[str, ...] = ("dyslexic_writer.training",)) -> Path:
    """The import package laid out as Python sees it (app/ -> dyslexic_writer/, resources/ ->
    dyslexic_writer/resources/...). PyInstaller's import analysis cannot follow the editable
    install's package-dir mapping, so it analyses this copy instead."""
    out = work / "src"
    shutil.rmtree(out, ignore_errors=True)
    dirs = package_dirs()
    for pkg, folder in sorted(dirs.items()):
        if pkg in skip:
            continue
        dest = out.joinpath(*pkg.split("."))
        dest.mkdir(parents=True, exist_ok=True)
        for f in (ROOT / folder).iterdir():
            if f.is_file() and f.suffix != ".pyc":
                shutil.copy2(f, dest / f.name)
            elif f.is_dir() and f.name != "__pycache__" and f"{pkg}.{f.name}" not in dirs:
                # Data folders, and sub-packages that live in their parent's folder (engine/lexicon/);
                # a mapped sub-package gets its own entry.
                shutil.copytree(f, dest / f.name, ignore=shutil.ignore_patterns("__pycache__"))
        (dest / "__init__.py").touch()
    return out


def run_pyinstaller(args, index: Path) -> Path:
    env = {**os.environ, "DW_SHIPPED_INDEX_FILE": str(index), "DW_VERSION": version(),
           "DW_SOURCE_TREE": str(stage_sources(args.work))}
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                    "--distpath", str(args.dist), "--workpath", str(args.work / "pyinstaller"),
                    str(HERE / "dyslexic-writer.spec")], check=True, env=env)
    return args.dist / APP_NAME


def package_linux(args, folder: Path) -> Path:
    """dist/dyslexic-writer-VERSION-linux-ARCH.tar.gz: the app folder, install.sh, .desktop, icon."""
    name = f"{APP_NAME}-{version()}-linux-{platform.machine()}"
    out = args.dist / f"{name}.tar.gz"
    with tarfile.open(out, "w:gz") as tar:
        tar.add(folder, arcname=f"{name}/{APP_NAME}")
        for src, dest in (("linux/install.sh", "install.sh"), ("linux/dyslexic-writer.desktop", "dyslexic-writer.desktop"),
                          ("dyslexic-writer.svg", "dyslexic-writer.svg")):
            tar.add(HERE / src, arcname=f"{name}/{dest}")
    return out


def package_windows(args, folder: Path) -> Path:
    iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
    subprocess.run([iscc, f"/DAppVersion={version()}", f"/DSourceDir={folder}", f"/O{args.dist}",
                    str(HERE / "windows" / "dyslexic-writer.iss")], check=True)
    return args.dist / f"{APP_NAME}-{version()}-setup.exe"


def package_macos(args, _folder: Path) -> Path:
    """Sign (hardened runtime), make the .dmg, then notarize and staple when credentials are set."""
    app = args.dist / f"{DISPLAY_NAME}.app"
    identity = os.environ.get("DW_CODESIGN_IDENTITY")
    if identity:
        subprocess.run(["codesign", "--force", "--deep", "--options", "runtime", "--timestamp",
                        "--entitlements", str(HERE / "macos" / "entitlements.plist"), "--sign", identity, str(app)], check=True)
    dmg = args.dist / f"{APP_NAME}-{version()}-macos-{platform.machine()}.dmg"
    subprocess.run(["hdiutil", "create", "-volname", DISPLAY_NAME, "-srcfolder", str(app), "-ov", "-format", "UDZO", str(dmg)], check=True)
    profile = os.environ.get("DW_NOTARY_PROFILE")  # `xcrun notarytool store-credentials` made it
    if identity and profile:
        subprocess.run(["xcrun", "notarytool", "submit", str(dmg), "--keychain-profile", profile, "--wait"], check=True)
        subprocess.run(["xcrun", "stapler", "staple", str(dmg)], check=True)
    return dmg


def minimal_env(home: Path) -> dict[str, str]:
    """What a fresh desktop account gives a program: a HOME and a PATH with no Python or venv."""
    tools = home / "bin"
    tools.mkdir(parents=True, exist_ok=True)
    for tool in ("ldd", "sh"):  # doctor uses ldd to name missing Qt libraries
        found = shutil.which(tool)
        if found and not (tools / tool).exists():
            (tools / tool).symlink_to(found)
    return {"HOME": str(home), "PATH": str(tools), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}


def _timed(cmd, env, cwd, stdin: str | None = None) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=600)
    return time.perf_counter() - t0, done


def smoke(exe: Path) -> dict:
    """Run the built app as a new user would, and fail loudly on anything wrong."""
    report: dict = {}
    with tempfile.TemporaryDirectory(prefix="dw-smoke-") as tmp:
        home = Path(tmp) / "home"
        env = minimal_env(home)

        def run(name, *argv, stdin=None, ok=(0,)):
            secs, done = _timed([str(exe), *argv], env, tmp, stdin)
            report[name] = {"seconds": round(secs, 2), "rc": done.returncode}
            if done.returncode not in ok:
                raise SystemExit(f"smoke test {name} failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
            return done

        # Start-up as a writer sees it: process start to the empty editor painted (plus a 0.2 s settle),
        # first with a fresh data folder, then again.
        first = run("first_start_editor", "screenshot", "--blank", str(Path(tmp) / "first.png"))
        if "Preparing the dictionary" in first.stderr:
            raise SystemExit("smoke test: the shipped dictionary index was not used")
        run("warm_start_editor", "screenshot", "--blank", str(Path(tmp) / "warm.png"))
        shot = Path(tmp) / "sample.png"
        run("screenshot_with_sample_checked", "screenshot", str(shot))
        if not shot.is_file() or shot.stat().st_size < 1000:
            raise SystemExit("smoke test: the screenshot was not written")
        run("version", "--version")
        auto = run("check_auto", "check", "--engine", "auto", "--jsonl", stdin=SAMPLE)
        lines = [json.loads(x) for x in auto.stdout.splitlines()]
        if len(lines) != 2 or "the shop" not in lines[0]["corrected"] or "no model could be loaded" in auto.stderr:
            raise SystemExit(f"smoke test: unexpected check output:\n{auto.stdout}\n{auto.stderr}")
        report["check_auto"]["corrected"] = [x["corrected"] for x in lines]
        run("check_model", "check", "--engine", "model", "--jsonl", stdin=SAMPLE)  # the embedded model must load
        doctor = run("doctor", "doctor", ok=(0, 1))
        report["doctor"]["output"] = doctor.stdout.strip().splitlines()
        built = list((home / ".cache").rglob("lexicon-v*.sqlite"))
        if built:
            raise SystemExit(f"smoke test: the app built its own dictionary index ({built[0]}) instead of the shipped one")
    return report


def folder_size_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    plan = steps(args)
    if args.dry_run:
        for i, step in enumerate(plan, 1):
            print(f"{i}. {step}")
        problems = check_inputs()
        for p in problems:
            print(f"problem: {p}", file=sys.stderr)
        return 1 if problems else 0
    problems = check_inputs()
    if problems:
        raise SystemExit("cannot build:\n  " + "\n  ".join(problems))
    if args.portable_llama:
        cmd, extra = portable_llama_command()
        print("rebuilding llama-cpp-python with", extra["CMAKE_ARGS"], "(about 5 minutes)...", flush=True)
        subprocess.run(cmd, check=True, env={**os.environ, **extra})
    flags = native_flags(llama_system_info())
    if flags:
        msg = (f"the installed llama.cpp uses CPU features ordinary computers lack ({', '.join(flags)}): "
               "a bundle made from it would crash there. Run again with --portable-llama "
               "(rebuilds llama-cpp-python in this environment), or --allow-native for a local test build.")
        if not args.allow_native:
            raise SystemExit(f"build.py: {msg}")
        print(f"warning: {msg}", file=sys.stderr)
    t0 = time.perf_counter()
    index = build_index(args.work)
    print(f"dictionary index: {index} ({index.stat().st_size / 2**20:.0f} MB)", flush=True)
    folder = run_pyinstaller(args, index)
    artefact = {"linux": package_linux, "windows": package_windows, "macos": package_macos}[args.platform](args, folder)
    summary = {"artefact": str(artefact), "artefact_mb": round(artefact.stat().st_size / 2**20, 1),
               "folder_mb": round(folder_size_mb(folder), 1), "build_seconds": round(time.perf_counter() - t0, 1),
               "native_llama_flags": flags}
    exe = folder / (APP_NAME + (".exe" if args.platform == "windows" else ""))
    if not args.skip_smoke and args.platform == "linux":
        summary["smoke"] = smoke(exe)
    (args.dist / "build-report.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
