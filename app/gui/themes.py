"""Light and dark palettes, and the font choice (OpenDyslexic when installed)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontDatabase, QPalette

THEMES = {
    # Off-white and soft dark backgrounds: pure white glare is hard for many dyslexic readers.
    "light": {"window": "#f4f1ea", "base": "#fbf8f1", "text": "#1f1f1f", "highlight": "#c9def5", "highlighted": "#111111"},
    "dark": {"window": "#1e1f22", "base": "#26272b", "text": "#e8e6e3", "highlight": "#3d5a80", "highlighted": "#ffffff"},
}
# Underline colours that read on both backgrounds (never red: red says "wrong" too loudly).
UNDERLINES = {
    "light": {"default": "#8e44ad", "homophone": "#1f6fb2", "contraction": "#138d75", "spacing": "#b9770e", "unknown": "#7f8c8d"},
    "dark": {"default": "#c39bd3", "homophone": "#7fb3e0", "contraction": "#76d7c4", "spacing": "#f5b041", "unknown": "#aab7b8"},
}


def palette(theme: str) -> QPalette:
    c = THEMES.get(theme, THEMES["light"])
    p = QPalette()
    p.setColor(QPalette.Window, QColor(c["window"]))
    p.setColor(QPalette.WindowText, QColor(c["text"]))
    p.setColor(QPalette.Base, QColor(c["base"]))
    p.setColor(QPalette.Text, QColor(c["text"]))
    p.setColor(QPalette.Button, QColor(c["window"]))
    p.setColor(QPalette.ButtonText, QColor(c["text"]))
    p.setColor(QPalette.Highlight, QColor(c["highlight"]))
    p.setColor(QPalette.HighlightedText, QColor(c["highlighted"]))
    return p


def reading_font_family(preferred: str = "") -> str:
    families = set(QFontDatabase.families())
    if preferred and preferred in families:
        return preferred
    for name in ("OpenDyslexic", "OpenDyslexic3", "Lexend", "Atkinson Hyperlegible", "Verdana", "DejaVu Sans", "Arial"):
        if name in families:
            return name
    return ""
