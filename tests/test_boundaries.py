"""The package boundaries DEVELOPERS.md sets: no Qt in engine/runtime/training, no llama_cpp in the
GUI, and the app never imports torch."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(folder: Path) -> dict[str, set[str]]:
    found = {}
    for path in folder.rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


def test_pure_packages_import_no_qt():
    for folder in ("app/engine", "app/runtime", "training"):
        for path, names in imported_modules(ROOT / folder).items():
            assert "PySide6" not in names, path


def test_gui_never_imports_llama_cpp():
    for path, names in imported_modules(ROOT / "app/gui").items():
        assert "llama_cpp" not in names, path


def test_the_app_does_not_load_torch():
    code = ("import sys; import dyslexic_writer.cli, dyslexic_writer.engine.select, dyslexic_writer.engine.context, "
            "dyslexic_writer.gui.main_window, dyslexic_writer.runtime.download; "
            "print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
