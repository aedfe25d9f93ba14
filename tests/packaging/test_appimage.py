"""packaging/appimage.py without building an app: the ELF arithmetic that finds where an AppImage's
runtime ends, the blanking of the image-specific sections, and the AppDir layout."""

import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import appimage  # noqa: E402


def fake_runtime(upd: bytes = b"gh-releases-zsync|someone|else") -> bytes:
    """A minimal ELF64 'runtime': header, two named sections, the section header table last."""
    names = b"\0.upd_info\0.shstrtab\0"
    body = upd.ljust(64, b"\0")
    header = bytearray(64)
    header[:16] = b"\x7fELF\x02\x01\x01\0" + appimage.MAGIC + bytes(5)
    names_at, body_at = 64, 64 + len(names)
    shoff = body_at + len(body)
    struct.pack_into("<Q", header, 0x28, shoff)
    struct.pack_into("<HHH", header, 0x3A, 64, 3, 2)  # entry size, count, index of .shstrtab
    table = bytes(64)  # the null section
    table += struct.pack("<IIQQQQ", 1, 1, 0, 0, body_at, len(body)).ljust(64, b"\0")
    table += struct.pack("<IIQQQQ", 11, 3, 0, 0, names_at, len(names)).ljust(64, b"\0")
    return bytes(header) + names + body + table


def test_the_runtime_ends_where_its_section_table_ends():
    rt = fake_runtime()
    assert appimage.is_runtime(rt) and appimage.elf_size(rt) == len(rt)
    assert appimage.elf_size(rt + b"hsqs...image") == len(rt)
    assert set(appimage.sections(rt)) == {"", ".upd_info", ".shstrtab"}


def test_update_information_of_the_donor_is_blanked():
    image = fake_runtime() + b"hsqs" + bytes(100)
    runtime = appimage.runtime_from_appimage(image)
    assert len(runtime) == appimage.elf_size(image) and b"someone" not in runtime
    assert appimage.is_runtime(runtime)


def test_anything_but_a_runtime_is_refused():
    with pytest.raises(ValueError):
        appimage.elf_size(b"#!/bin/sh\n" + bytes(100))
    plain_elf = bytearray(fake_runtime())
    plain_elf[8:11] = bytes(3)
    with pytest.raises(ValueError):
        appimage.runtime_from_appimage(bytes(plain_elf))


def test_given_runtime_is_checked(tmp_path, monkeypatch):
    bogus = tmp_path / "runtime"
    bogus.write_bytes(b"\x7fELF" + bytes(60))
    monkeypatch.setenv("DW_APPIMAGE_RUNTIME", str(bogus))
    with pytest.raises(SystemExit):
        appimage.fetch_runtime(tmp_path / "cache")
    bogus.write_bytes(fake_runtime())
    assert appimage.fetch_runtime(tmp_path / "cache") == bogus


def test_appdir_layout(tmp_path):
    folder = tmp_path / "dist" / "dyslexic-writer"
    folder.mkdir(parents=True)
    (folder / "dyslexic-writer").write_text("exe")
    appdir = appimage.make_appdir(folder, tmp_path / "AppDir", ROOT / "packaging", "dyslexic-writer")
    assert (appdir / "AppRun").resolve() == (appdir / "dyslexic-writer" / "dyslexic-writer").resolve()
    desktop = (appdir / "dyslexic-writer.desktop").read_text()
    assert "Icon=dyslexic-writer" in desktop and (appdir / "dyslexic-writer.svg").is_file()
    assert (appdir / ".DirIcon").resolve() == (appdir / "dyslexic-writer.svg").resolve()
