"""The files the editor opens and saves: plain text (UTF-8) and Word documents (.docx, with python-docx).

A Word document comes in as its paragraphs, one line each (table cells too, so no words are lost);
bold, headings, tables and the like are not kept, and the writer is told so when the document had
any. Saving as .docx writes one Word paragraph per line, so a document the app wrote opens with the
same paragraphs.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

OPEN_FILTER = "Documents (*.txt *.md *.docx);;Text (*.txt *.md);;Word document (*.docx);;All files (*)"
SAVE_FILTER = "Text (*.txt *.md);;Word document (*.docx);;All files (*)"
# Characters XML cannot hold (control characters but tab and line breaks): Word files cannot store them.
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class DocumentError(Exception):
    """A file that is not a Word document the app can read or write; the message says so."""


def is_word(path: Path) -> bool:
    return Path(path).suffix.lower() == ".docx"


def save_path(name: str, chosen_filter: str = "") -> Path:
    """The file to write: the Word filter adds .docx to a name with no extension of its own."""
    path = Path(name)
    if not path.suffix and "docx" in chosen_filter:
        return path.with_suffix(".docx")
    return path


def read_document(path: Path) -> tuple[str, str | None]:
    """(text, note): the note names what was simplified on the way in, when anything was."""
    path = Path(path)
    if not is_word(path):
        return path.read_text(encoding="utf-8"), None
    return _read_word(path)


def write_document(path: Path, text: str) -> None:
    path = Path(path)
    if not is_word(path):
        from ..paths import atomic_write_text

        atomic_write_text(path, text)
        return
    _write_word(path, text)


def _read_word(path: Path) -> tuple[str, str | None]:
    import docx
    from docx.table import Table

    try:
        doc = docx.Document(str(path))
    except OSError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx raises zip, XML and package errors alike
        raise DocumentError(f"it is not a Word document this app can read ({type(exc).__name__})") from None
    lines: list[str] = []
    lost: set[str] = set()
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            lost.add("tables")
            for row in block.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
            continue
        lines.append(block.text)
        lost.update(_paragraph_formatting(block))
    if doc.inline_shapes:
        lost.add("pictures")
    if any(p.text.strip() for s in doc.sections for part in (s.header, s.footer) for p in part.paragraphs):
        lost.add("headers and footers")
    note = None
    if lost:
        note = (f"{path.name} was opened as plain paragraphs: its {', '.join(sorted(lost))} are not kept here, "
                "and saving writes plain paragraphs.")
    return "\n".join(lines), note


def _paragraph_formatting(p) -> set[str]:
    lost = set()
    if p.style is not None and p.style.name not in ("Normal", "Default"):
        lost.add("headings and styles")
    if p.alignment is not None:
        lost.add("alignment")
    for r in p.runs:
        f = r.font
        if r.bold or r.italic or r.underline or f.strike or f.highlight_color or f.size or (f.color and f.color.rgb):
            lost.add("bold, italic and other character formatting")
            break
    if "\n" in p.text:
        lost.add("line breaks inside paragraphs")
    return lost


def _write_word(path: Path, text: str) -> None:
    import docx

    doc = docx.Document()
    for line in _NOT_XML_RE.sub("", text).split("\n"):
        doc.add_paragraph(line)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        doc.save(str(tmp))
        os.replace(tmp, path)  # a crash never leaves half a document
    finally:
        tmp.unlink(missing_ok=True)
