"""The popup menu and the Suggestions panel use the reading font and size from Settings, and the
panel's lines wrap rather than being cut off."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QListWidgetItem  # noqa: E402

from dyslexic_writer.engine.types import Kind, Suggestion  # noqa: E402
from dyslexic_writer.settings import Settings  # noqa: E402


@pytest.fixture
def window(make_window):
    return make_window(Settings(font_size=24))


def a_mark():
    return Suggestion(0, 3, "teh", ("the",), Kind.SPELLING, 0.9, "fast", "letters mixed up or in the wrong order: the")


def test_menu_and_panel_follow_the_font_setting(qtbot, window):
    family = window.editor.font().family()
    for widget in (window.editor.menu_for(a_mark()), window.panel):
        assert widget.font().pointSize() == 24 and widget.font().family() == family
    window.settings.font_size = 16
    window.apply_settings()
    assert window.panel.font().pointSize() == 16 and window.editor.menu_for(a_mark()).font().pointSize() == 16


def test_the_menu_is_still_keyboard_driven(qtbot, window):
    menu = window.editor.menu_for(a_mark())
    labels = [a.text() for a in menu.actions() if a.text()]
    assert "Accept: the" in labels and all(a.isEnabled() for a in menu.actions() if a.text().startswith("Accept"))


def test_the_panel_wraps_long_lines(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    assert window.panel.wordWrap()
    window.panel.setFixedWidth(220)
    short, long_ = QListWidgetItem("teh \u2192 the"), QListWidgetItem("becuase \u2192 because   (spelt the way it sounds, a long line)")
    window.panel.addItem(short)
    window.panel.addItem(long_)
    qtbot.waitUntil(lambda: window.panel.visualItemRect(long_).height() > 1.5 * window.panel.visualItemRect(short).height(),
                    timeout=3000)
    assert window.panel.visualItemRect(long_).width() <= window.panel.viewport().width()
