"""Word files in the editor: a .docx the app wrote opens with the same paragraphs, and one made by
another program (python-docx here) opens with a note about what was simplified."""

import pytest

pytest.importorskip("PySide6")
docx = pytest.importorskip("docx")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from dyslexic_writer.gui.documents import read_document, save_path, write_document  # noqa: E402
from dyslexic_writer.settings import Settings  # noqa: E402

TEXT = "My essay 😀\n\nI went to teh libary.\n  Indented line\twith a tab\nLast line\n"


@pytest.fixture
def window(make_window):
    return make_window(Settings())


def test_a_docx_the_app_wrote_opens_with_the_same_paragraphs(qtbot, window, tmp_path):
    window.editor.setPlainText(TEXT)
    out = tmp_path / "essay.docx"
    assert window.write(out)
    assert [p.text for p in docx.Document(str(out)).paragraphs] == TEXT.split("\n")  # a real Word file
    window.editor.clear()
    assert window.load(out)
    assert window.editor.toPlainText() == TEXT
    assert window.statusBar().currentMessage() == ""  # nothing was simplified
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_docx_made_elsewhere_opens_with_a_note(qtbot, window, tmp_path):
    doc = docx.Document()
    doc.add_heading("Trip to the sea", level=1)
    p = doc.add_paragraph("We went ")
    p.add_run("swimming").bold = True
    p.add_run(" in teh sea.")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "sand"
    table.cell(0, 1).text = "waves"
    doc.add_paragraph("The end.")
    path = tmp_path / "other.docx"
    doc.save(str(path))
    assert window.load(path)
    assert window.editor.toPlainText() == "Trip to the sea\nWe went swimming in teh sea.\nsand\nwaves\nThe end."
    note = window.statusBar().currentMessage()
    assert "other.docx" in note and "tables" in note and "headings" in note and "bold" in note
    qtbot.waitUntil(lambda: any(s.original == "teh" for s in window.editor.suggestions), timeout=5000)


def test_a_file_that_is_not_a_word_document_is_refused_politely(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "fake.docx"
    bad.write_text("plain text in disguise", encoding="utf-8")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    assert not window.load(bad)
    assert "Word document" in warned[0]


def test_save_as_with_the_word_filter_adds_the_extension(tmp_path):
    assert save_path(str(tmp_path / "essay"), "Word document (*.docx)").suffix == ".docx"
    assert save_path(str(tmp_path / "essay.txt"), "Word document (*.docx)").suffix == ".txt"
    assert save_path(str(tmp_path / "essay"), "Text (*.txt *.md)").suffix == ""


def test_text_files_are_unchanged_and_control_characters_do_not_break_a_docx(tmp_path):
    write_document(tmp_path / "a.txt", "one\ntwo\n")
    assert read_document(tmp_path / "a.txt") == ("one\ntwo\n", None)
    write_document(tmp_path / "b.docx", "bell\x07 and form\x0cfeed")
    assert read_document(tmp_path / "b.docx") == ("bell and formfeed", None)
