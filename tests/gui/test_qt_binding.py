"""Guards against a Qt binding that drops references to None (PySide6 6.12.0 did, on every void
method): on Python < 3.12 the editor would die with "deallocating None" after enough repaints."""

import sys

import pytest

pytest.importorskip("PySide6")


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_methods_keep_none_alive(qtbot):
    from PySide6.QtGui import QColor, QTextCharFormat

    fmt = QTextCharFormat()
    colour = QColor()
    before = sys.getrefcount(None)
    for _ in range(2000):
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        colour.setRed(10)
    assert sys.getrefcount(None) >= before - 100
