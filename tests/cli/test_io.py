"""The helpers every command shares: reading the user's files and naming the engine."""

from types import SimpleNamespace

import pytest

from dyslexic_writer.cli.io import InputError, engine_label, parse_file, read_lines


def test_read_lines_drops_the_byte_order_mark_and_line_ends(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("\ufefffirst\r\nsecond\n".encode("utf-8"))
    assert list(read_lines([str(f)])) == [(str(f), 1, "first"), (str(f), 2, "second")]


def test_read_lines_names_the_line_that_is_not_utf8(tmp_path):
    f = tmp_path / "b.txt"
    f.write_bytes(b"fine\nbad \xff here\n")
    with pytest.raises(InputError, match="line 2 is not valid UTF-8 text"):
        list(read_lines([str(f)]))


def test_parse_file_reports_and_returns_none(tmp_path, capsys):
    assert parse_file(str(tmp_path / "missing.tsv"), str.split, "bench") is None
    assert capsys.readouterr().err.startswith("dyslexic-writer bench: cannot read")


def test_engine_label_names_the_model():
    assert engine_label(SimpleNamespace(name="fast"), "x.gguf") == "fast"
    assert engine_label(SimpleNamespace(name="auto", model_name=""), None) == "auto (embedded)"
    assert engine_label(SimpleNamespace(name="model", model_name="gemma"), "x.gguf") == "model (gemma)"
