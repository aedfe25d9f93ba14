"""A smaller ICU data library for the Linux bundle: Qt's libicudata (31 MB) with English and root only.

Qt Core links ICU for collation, locale-aware case mapping, time zones and codecs beyond UTF-8;
most of ICU's data library is per-locale text (collation, names of languages, currencies, units,
time zones), codepage converters, dictionaries for breaking Thai or Chinese text into words, and
transliterators, none of which an English writing app asks for. ICU falls back to the root locale
for any locale whose data is missing, so a writer with another system language still gets working
sorting and case mapping, in root order.

The library's only content is one symbol, `icudt<N>_dat`: ICU's "common data" package, a table of
named items followed by the items. `read_package` parses it (pyelftools finds the symbol), `keep`
says which items stay, `pack` writes a package of those, and `build_library` compiles it into a
shared library with the same soname and symbol (the system C compiler's assembler, via .incbin).
ICU's own tool for this (icupkg) is not on PyPI; the format is a short table, so it is read here.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

# The package header: size, the two magic bytes, then UDataInfo with the format "CmnD".
_MAGIC = (0xDA, 0x27)
_FORMAT = b"CmnD"
# Items start on 16-byte boundaries, as ICU's own packages lay them out.
_ALIGN = 16

# Locale data kept: the root, English in every region, and the shared pools and indexes that each
# tree's bundles refer to.
_KEPT_LOCALE = re.compile(r"^(root|en(_[A-Za-z0-9]+)*|pool|res_index)$")
# What a per-locale bundle is called ("de", "zh_Hant_TW", "sr_Latn"); other .res files
# (supplementalData, zoneinfo64, likelySubtags, ...) are not per-locale and stay.
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
# Trees dropped whole: transliterators (Qt never transliterates).
_DROPPED_TREES = {"translit"}
# The word-break dictionaries of Chinese, Japanese, Thai, Lao, Khmer and Burmese.
_DROPPED_SUFFIXES = {".dict"}
# Codepage converters: the single-byte ones (windows-1252, ISO-8859-15, KOI8-R, ...: 150 of them,
# 0.5 MB in all, none over 8 KB) stay, for text pasted or opened in an old encoding; the multi-byte
# East Asian ones (40 files, 4.6 MB) go.
_CONVERTER_MAX_BYTES = 8192


@dataclass(frozen=True)
class Package:
    """A parsed ICU common-data package: its header bytes and its items, in table order."""

    header: bytes
    items: tuple[tuple[str, bytes], ...]
    symbol: str


def parse_package(blob: bytes, symbol: str = "") -> Package:
    """The header and the (name, bytes) items of a common-data package."""
    if len(blob) < 32 or tuple(blob[2:4]) != _MAGIC or blob[12:16] != _FORMAT:
        raise ValueError("not an ICU common-data package")
    if blob[8] != 0:
        raise ValueError("a big-endian ICU package; only little-endian ones are read")
    header_size = struct.unpack_from("<H", blob, 0)[0]
    toc = blob[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        name = toc[name_at : toc.index(b"\0", name_at)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        items.append((name, bytes(toc[data_at:end])))
    return Package(bytes(blob[:header_size]), tuple(items), symbol)


def read_package(library: Path) -> Package:
    """The package inside an ICU data library (its one exported `icudt*_dat` symbol)."""
    from elftools.elf.elffile import ELFFile
    from elftools.elf.sections import SymbolTableSection

    with open(library, "rb") as fh:
        elf = ELFFile(fh)
        dynsym = elf.get_section_by_name(".dynsym")
        if not isinstance(dynsym, SymbolTableSection):
            raise ValueError(f"{library} has no dynamic symbols")
        symbols = [s for s in dynsym.iter_symbols() if re.fullmatch(r"icudt\d+_dat", s.name)]
        if len(symbols) != 1:
            raise ValueError(f"{library} does not export one icudt*_dat symbol")
        sym = symbols[0]
        offsets = list(elf.address_offsets(sym["st_value"], sym["st_size"]))
        if not offsets:
            raise ValueError(f"{library}: the data symbol is not in the file")
        fh.seek(offsets[0])
        blob = fh.read(sym["st_size"])
    return parse_package(blob, sym.name)


def keep(name: str, size: int = 0) -> bool:
    """Whether an item ("icudt73l/coll/de.res", of `size` bytes) stays in the trimmed package."""
    parts = name.split("/")[1:]  # drop the package prefix
    if not parts:
        return True
    if parts[0] in _DROPPED_TREES and len(parts) > 1:
        return False
    base = parts[-1]
    stem, dot, suffix = base.rpartition(".")
    if dot and f".{suffix}" in _DROPPED_SUFFIXES:
        return False
    if suffix == "cnv":
        return size <= _CONVERTER_MAX_BYTES
    if suffix == "res" and _LOCALE.match(stem):
        return bool(_KEPT_LOCALE.match(stem))
    return True


def pack(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A common-data package of `items` (already in ICU's order: sorted by name) under `header`."""
    names = sorted(n for n, _ in items)
    if names != [n for n, _ in items]:
        raise ValueError("ICU finds items by binary search: they must be sorted by name")
    table_size = 4 + 8 * len(items)
    name_blob = b"".join(n.encode("ascii") + b"\0" for n, _ in items)
    name_at, offset = [], table_size
    for n, _ in items:
        name_at.append(offset)
        offset += len(n) + 1
    # Offsets are from the table's start; alignment is of the place in the whole file.
    data_start = _aligned(len(header) + offset) - len(header)
    data_at, body = [], bytearray()
    for _n, data in items:
        at = len(header) + data_start + len(body)
        body += b"\0" * (_aligned(at) - at)
        data_at.append(data_start + len(body))
        body += data
    table = struct.pack("<I", len(items)) + b"".join(struct.pack("<II", a, b) for a, b in zip(name_at, data_at))
    gap = b"\0" * (data_start - table_size - len(name_blob))
    return header + table + name_blob + gap + bytes(body)


def _aligned(n: int) -> int:
    return (n + _ALIGN - 1) // _ALIGN * _ALIGN


def trimmed(package: Package) -> Package:
    return Package(package.header, tuple(i for i in package.items if keep(i[0], len(i[1]))), package.symbol)


def build_library(package: Package, out: Path, soname: str, cc: str | None = None) -> Path:
    """Compile the package into a shared library exporting its symbol, named `soname`."""
    cc = cc or shutil.which("cc") or shutil.which("gcc")
    if not cc:
        raise RuntimeError("no C compiler (cc) to build the smaller ICU data library")
    with tempfile.TemporaryDirectory() as tmp:
        dat = Path(tmp, "icudata.dat")
        dat.write_bytes(pack(package.header, list(package.items)))
        asm = Path(tmp, "icudata.S")
        asm.write_text(
            "\t.section .rodata\n"
            f"\t.globl {package.symbol}\n"
            f"\t.type {package.symbol}, @object\n"
            f"\t.balign {_ALIGN}\n"
            f"{package.symbol}:\n"
            f'\t.incbin "{dat}"\n'
            f"\t.size {package.symbol}, . - {package.symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run([cc, "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(out), str(asm)], check=True)
    return out


def shrink(library: Path) -> int:
    """Replace an ICU data library with its trimmed copy, in place. Returns the bytes saved."""
    before = library.stat().st_size
    package = trimmed(read_package(library))
    new = library.with_name(library.name + ".trimmed")
    build_library(package, new, soname=library.name)
    new.replace(library)
    return before - library.stat().st_size
