"""Taking unused files out of the Linux app folder after PyInstaller."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import trim  # noqa: E402


def test_orphans_are_what_only_the_dropped_files_reach():
    graph = {"app.so": ["libqt.so"], "plugin.so": ["libcairo.so", "libqt.so"], "libcairo.so": ["libpixman.so"],
             "other.so": ["libpixman.so"], "libqt.so": [], "libpixman.so": []}
    needs = {Path(k): [Path(v) for v in vs] for k, vs in graph.items()}
    roots = [Path("app.so"), Path("plugin.so")]
    assert trim.orphans(roots, [Path("plugin.so")], needs.get) == {Path("plugin.so"), Path("libcairo.so"), Path("libpixman.so")}
    # pixman is also needed by a kept root: it stays
    roots.append(Path("other.so"))
    assert trim.orphans(roots, [Path("plugin.so")], needs.get) == {Path("plugin.so"), Path("libcairo.so")}


def _cc():
    return shutil.which("cc") or shutil.which("gcc")


def _lib(path: Path, *needed: str, libdir: Path | None = None) -> None:
    """A tiny shared library that needs `needed` (libraries in `libdir`, default its own folder)."""
    src = path.with_suffix(".c")
    src.write_text(f"int {path.name.split('.')[0]}_x(void) {{ return 1; }}\n")
    links = ["-Wl,--no-as-needed", *(f"-l:{n}" for n in needed)]  # keep DT_NEEDED though nothing is called
    subprocess.run([_cc(), "-shared", "-fPIC", "-o", str(path), str(src), f"-L{libdir or path.parent}", *links,
                    f"-Wl,-soname,{path.name}"], check=True)
    src.unlink()


@pytest.mark.skipif(sys.platform != "linux" or not _cc(), reason="builds small ELF libraries with cc")
def test_a_dropped_plugin_takes_its_own_libraries_along(tmp_path):
    internal = tmp_path / "_internal"
    plugins = internal / "PySide6" / "Qt" / "plugins" / "platformthemes"
    plugins.mkdir(parents=True)
    _lib(internal / "libpixman.so.1")
    _lib(internal / "libcairo.so.2", "libpixman.so.1")
    _lib(internal / "libshared.so.1")
    _lib(plugins / "libqgtk3.so", "libcairo.so.2", "libshared.so.1", libdir=internal)
    (internal / "mod").mkdir()
    _lib(internal / "mod" / "extension.so", "libshared.so.1", libdir=internal)  # a module: a root
    saved = trim.drop_with_dependencies(tmp_path, ["PySide6/Qt/plugins/platformthemes/libqgtk3.so"])
    assert saved > 0
    assert sorted(f.name for f in internal.rglob("*.so*")) == ["extension.so", "libshared.so.1"]
    assert trim.drop_with_dependencies(tmp_path, ["PySide6/Qt/plugins/platformthemes/libqgtk3.so"]) == 0
