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
    code = ("import sys; import dyslexic_writer.cli, dyslexic_writer.assemble, dyslexic_writer.engine.context, "
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
    tree, a wheel and a PyInstaller bundle (lexicon/index.py looks for a file the build adds, with its
    own bundle path first)."""
    allowed = {"app/package_data.py", "app/engine/lexicon/index.py"}
    for folder in ("app", "training"):
        for path in (ROOT / folder).rglob("*.py"):
            name = str(path.relative_to(ROOT))
            tree = ast.parse(path.read_text(encoding="utf-8"))
            assert name in allowed or not any(imports_importlib_resources(n) for n in ast.walk(tree)), name


def module_imports() -> dict[str, set[str]]:
    """Every module of the app and the training package, with the app modules it imports anywhere in
    its body (a lazy import inside a function is still a dependency). `from pkg import name` counts
    as an import of `pkg.name` where that is a module, else of `pkg`."""
    roots = {"app": "dyslexic_writer", "training": "dyslexic_writer.training"}
    files = {}
    for folder, package in roots.items():
        for path in (ROOT / folder).rglob("*.py"):
            parts = list(path.relative_to(ROOT / folder).with_suffix("").parts)
            if folder == "app" and parts[0] == "training":
                continue
            is_package = parts[-1] == "__init__"
            if is_package:
                parts = parts[:-1]
            files[".".join([package, *parts])] = (path, is_package)
    graph = {}
    for name, (path, is_package) in files.items():
        here = name if is_package else name.rpartition(".")[0]
        found = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Imports for type checkers only never run, so they make no circle.
        typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If) and _is_type_checking(block.test)
                       for stmt in block.body for n in ast.walk(stmt)}
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = here
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                module = node.module or ""
                base = (f"{base}.{module}" if node.level and module else base if node.level else module)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
            else:
                continue
            found.update(t for t in targets if t in files and t != name)
        graph[name] = found
    return graph


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def test_the_engine_imports_nothing_from_the_runtime():
    for name, targets in module_imports().items():
        if name.startswith("dyslexic_writer.engine"):
            assert not [t for t in targets if t.startswith("dyslexic_writer.runtime")], name


def test_no_import_circles():
    graph = module_imports()
    # A package's __init__ re-exporting its own modules is no circle: leave those edges out.
    graph = {n: {t for t in ts if not (t.startswith(n + ".") and n + ".__init__" not in t)} for n, ts in graph.items()}
    index, low, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(v):  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    assert circles == [], circles
