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



def imports_importlib_resources(node: ast.AST) -> bool:
    if isinstance(node, ast.Import):
        return any(a.name == "importlib.resources" for a in node.names)
    if isinstance(node, ast.ImportFrom):
        return node.module == "importlib.resources" or (
            node.module == "importlib" and any(a.name == "resources" for a in node.names))
    return False


def test_package_data_is_read_through_one_helper():
    """importlib.resources appears only in app/package_data.py, which works the same from a source
    tree, a wheel and a PyInstaller bundle (shipped_index looks for a file the build adds, with its
    own bundle path first)."""
    allowed = {"app/package_data.py", "app/engine/shipped_index.py"}
    for folder in ("app", "training"):
        for path in (ROOT / folder).rglob("*.py"):
            name = str(path.relative_to(ROOT))
            tree = ast.parse(path.read_text(encoding="utf-8"))
            assert name in allowed or not any(imports_importlib_resources(n) for n in ast.walk(tree)), name
