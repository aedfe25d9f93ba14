"""What build.py takes out of the Linux app folder after PyInstaller, and why each is safe.

- `strip_debug`: debug sections of Python's own libraries;
- `link_llama_sonames`: llama.cpp's duplicate library copies become links;
- `shrink_icu`: Qt's 31 MB ICU data library, rebuilt with English and root only (icu_data.py);
- `drop_with_dependencies`: Qt plugins the app does without (bundle_contents.DROPPED_WITH_DEPENDENCIES),
  with the libraries that only they needed.
Each returns the bytes it saved; `linux` runs them all.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import icu_data
from bundle_contents import DROPPED_WITH_DEPENDENCIES


def linux(folder: Path) -> int:
    return strip_debug(folder) + link_llama_sonames(folder) + shrink_icu(folder) + drop_with_dependencies(folder)


def strip_debug(folder: Path) -> int:
    """Drop the debug sections of Python's own libraries (Linux): libpython and the standard
    library's extension modules carry 20 MB of them. Only those: wheels' libraries were rewritten
    by auditwheel/patchelf, and binutils' strip breaks their alignment (numpy's OpenBLAS then fails
    with "ELF load command address/offset not page-aligned"); Qt and llama.cpp are never touched
    (see the spec), nor the executable, whose archive is appended to it. Only debug information
    goes, never symbols. Returns the bytes saved; nothing when binutils' strip is missing."""
    tool = shutil.which("strip")
    if not tool:
        return 0
    internal = folder / "_internal"
    libs = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    libs = [f for f in libs if f.is_file() and not f.is_symlink()]
    before = sum(f.stat().st_size for f in libs)
    if libs:
        subprocess.run([tool, "--strip-debug", "-p", *map(str, libs)], check=True)
    return before - sum(f.stat().st_size for f in libs)


def link_llama_sonames(folder: Path) -> int:
    """llama-cpp-python's wheel holds each library twice, as libX.so (what ctypes opens) and libX.so.0
    (the soname the others link against); make the second a link to the first, as a make install
    would (Linux: 6 MB). Returns the bytes saved."""
    saved = 0
    for versioned in (folder / "_internal" / "llama_cpp" / "lib").glob("lib*.so.0"):
        plain = versioned.with_name(versioned.name[:-2])
        if plain.is_file() and not versioned.is_symlink() and plain.read_bytes() == versioned.read_bytes():
            saved += versioned.stat().st_size
            versioned.unlink()
            versioned.symlink_to(plain.name)
    return saved


def shrink_icu(folder: Path) -> int:
    """Qt's ICU data library with English and root only (icu_data.py). Without a C compiler the
    library stays whole, with a warning: the app works the same, only bigger."""
    saved = 0
    for lib in (folder / "_internal" / "PySide6" / "Qt" / "lib").glob("libicudata.so.*"):
        if lib.is_symlink() or not lib.is_file():
            continue
        try:
            saved += icu_data.shrink(lib)
        except (RuntimeError, ValueError, subprocess.CalledProcessError) as exc:
            print(f"warning: ICU data left whole ({exc})", file=sys.stderr)
    return saved


def drop_with_dependencies(folder: Path, dropped: Iterable[str] = DROPPED_WITH_DEPENDENCIES) -> int:
    """Delete the files `dropped` (paths under _internal/) and every library in _internal/ that only
    they needed. PyInstaller collects a plugin's libraries as loose files beside the app's own, so
    dropping the plugin in the spec would leave them behind."""
    internal = folder / "_internal"
    gone = [internal / rel for rel in dropped if (internal / rel).is_file()]
    if not gone:
        return 0
    files = [f for f in internal.rglob("*") if ".so" in f.name and f.is_file() and not f.is_symlink()]
    by_name = {f.name: f for f in files}
    for link in internal.rglob("*.so*"):
        if link.is_symlink() and link.resolve().is_file():
            by_name.setdefault(link.name, link.resolve())
    needs = {f: [by_name[n] for n in _needed(f) if n in by_name] for f in files}
    # Roots: what is opened by path, never by name: Python extension modules, Qt plugins, ctypes'
    # libraries, libpython. A library loose in _internal/ is only there because something needs it.
    roots = [f for f in files if f.parent != internal or f.name.startswith("libpython")]
    unused = orphans(roots, gone, needs.get)
    removed = [*gone, *(f for f in unused if f.parent == internal)]
    saved = sum(f.stat().st_size for f in removed)
    for f in removed:
        f.unlink()
    return saved


def orphans(roots: Iterable[Path], gone: Iterable[Path], needs: Callable[[Path], list[Path] | None]) -> set[Path]:
    """What the roots reach only through `gone` (which is among them): reachable with it, not without."""
    gone = set(gone)

    def reach(starts: Iterable[Path]) -> set[Path]:
        seen: set[Path] = set()
        stack = list(starts)
        while stack:
            f = stack.pop()
            if f not in seen:
                seen.add(f)
                stack.extend(needs(f) or [])
        return seen

    roots = list(roots)
    return reach(roots) - reach(r for r in roots if r not in gone)


def _needed(lib: Path) -> list[str]:
    """The DT_NEEDED names of an ELF file; none for anything pyelftools cannot read."""
    from elftools.common.exceptions import ELFError
    from elftools.elf.dynamic import DynamicSection
    from elftools.elf.elffile import ELFFile

    try:
        with open(lib, "rb") as fh:
            for section in ELFFile(fh).iter_sections():
                if isinstance(section, DynamicSection):
                    return [t.needed for t in section.iter_tags() if t.entry.d_tag == "DT_NEEDED"]
    except (ELFError, OSError):
        pass
    return []
