"""The smaller ICU data library for the Linux bundle: the package format, what is kept, and Qt
working on the result."""

import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import icu_data  # noqa: E402


def _header() -> bytes:
    """A little-endian common-data header: size, magic, UDataInfo ("CmnD", version 1), padded to 32."""
    info = struct.pack("<HHBBBB", 20, 0, 0, 0, 2, 0) + b"CmnD" + bytes([1, 0, 0, 0]) + bytes([73, 0, 0, 0])
    head = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    return head + b"\0" * (32 - len(head))


ITEMS = [("icudt73l/coll/de.res", b"D" * 5), ("icudt73l/coll/root.res", b"R" * 40), ("icudt73l/zoneinfo64.res", b"Z" * 3)]


def test_pack_then_parse_gives_the_items_back_aligned():
    blob = icu_data.pack(_header(), ITEMS)
    package = icu_data.parse_package(blob)
    assert [n for n, _ in package.items] == [n for n, _ in ITEMS]
    for (_, want), (_, got) in zip(ITEMS, package.items):
        assert got[: len(want)] == want and not got[len(want):].strip(b"\0")  # padding only
    table = blob[32:]
    offsets = [struct.unpack_from("<II", table, 4 + 8 * i)[1] for i in range(len(ITEMS))]
    assert all((32 + at) % 16 == 0 for at in offsets)


def test_unsorted_items_and_other_files_are_refused():
    with pytest.raises(ValueError):
        icu_data.pack(_header(), list(reversed(ITEMS)))
    with pytest.raises(ValueError):
        icu_data.parse_package(b"\0" * 64)


@pytest.mark.parametrize("name, size, kept", [
    ("icudt73l/coll/root.res", 1, True), ("icudt73l/coll/en_GB.res", 1, True), ("icudt73l/coll/de.res", 1, False),
    ("icudt73l/zh_Hant_TW.res", 1, False), ("icudt73l/curr/pool.res", 1, True), ("icudt73l/res_index.res", 1, True),
    ("icudt73l/supplementalData.res", 1, True), ("icudt73l/zoneinfo64.res", 1, True),
    ("icudt73l/coll/ucadata.icu", 1, True), ("icudt73l/brkitr/word.brk", 1, True),
    ("icudt73l/brkitr/cjdict.dict", 1, False), ("icudt73l/translit/root.res", 1, False),
    ("icudt73l/ibm-5348_P100-1997.cnv", 3_000, True), ("icudt73l/gb18030.cnv", 232_816, False),
])
def test_what_is_kept(name, size, kept):
    assert icu_data.keep(name, size) is kept


PROBE = """
import json
from PySide6.QtCore import QCollator, QDateTime, QLocale, QStringDecoder, QTimeZone
out = {}
for loc in ("en_GB", "de_DE", "tr_TR"):
    out["sort " + loc] = sorted(["zebra", "Apfel", "apple", "Zoo", "eclair", "10", "9"], key=QCollator(QLocale(loc)).sortKey)
    out["upper " + loc] = QLocale(loc).toUpper("istanbul strasse")
out["zone"] = QTimeZone(b"America/New_York").offsetFromUtc(QDateTime.fromString("2026-01-01T00:00:00Z", "yyyy-MM-ddTHH:mm:ssZ"))
out["cp1252"] = QStringDecoder("windows-1252").isValid()
out["codecs"] = len(QStringDecoder.availableCodecs())
print(json.dumps(out, sort_keys=True))
"""


def _probe(env) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.skipif(sys.platform != "linux", reason="the trimmed library is made for the Linux bundle")
def test_qt_sorts_cases_and_converts_the_same_on_the_trimmed_library(tmp_path):
    pyside = pytest.importorskip("PySide6")
    libs = sorted((Path(pyside.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not libs or not (shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("needs PySide6's ICU and a C compiler")
    original = libs[0]
    lib = tmp_path / original.name
    shutil.copy(original, lib)
    saved = icu_data.shrink(lib)
    assert saved > 20 * 2**20 and lib.stat().st_size < 8 * 2**20
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    want = _probe(env)
    # Preloaded, the smaller library answers for the soname Qt's ICU asks for.
    got = _probe({**env, "LD_PRELOAD": str(lib)})
    assert got.pop("codecs") < want.pop("codecs")  # the East Asian converters are gone: it was used
    assert got == want and want["zone"] == -5 * 3600 and want["cp1252"]
