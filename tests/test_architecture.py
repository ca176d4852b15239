"""The package's shape (ARCHITECTURE.md): imports flow one way, with no circles; the two faces
never import each other; every package is on the code map.

The imports are read from the source (ast), function-level ones included: a circle closed by
an import inside a function is still a circle.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "workbench"

# Lower layers never import higher ones. The faces (tui, cli) sit on top; the launcher above both.
LAYERS = [
    {"workbench", "workbench.strings", "workbench.util"},
    {"workbench.document"},
    {"workbench.storage"},
    {"workbench.reading"},
    {"workbench.checking"},
    {"workbench.comparing"},
    {"workbench.writing"},
    {"workbench.drafting"},
    {"workbench.assist"},
    {"workbench.tui"},
    {"workbench.cli"},
    {"workbench.__main__"},
]
LAUNCHER = "workbench.__main__"
CLI_ENTRY = "workbench.cli.commands"  # starts the TUI, through one function


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules(root: Path = PACKAGE) -> dict[str, Path]:
    return {module_name(p): p for p in root.rglob("*.py")}


def import_statements(name: str, path: Path):
    """(line, module, name or None) for every workbench import in the module's source;
    a relative import is made absolute against the module's package."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("workbench"):
                    yield node.lineno, a.name, None
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.startswith("workbench"):
                for a in node.names:
                    yield node.lineno, module, a.name


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The workbench modules `name` imports anywhere in its source."""
    found: set[str] = set()
    for _, module, attr in import_statements(name, path):
        t = f"{module}.{attr}" if attr and f"{module}.{attr}" in known else module
        while t and t not in known:  # "workbench.document.model.Report" -> the module
            t = t.rpartition(".")[0]
        if t and t != name:
            found.add(t)
    return found


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    mods = all_modules(root)
    known = set(mods)
    return {name: imports_of(name, path, known) for name, path in mods.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def layer_of(name: str) -> int:
    best, rank = -1, -1
    for i, group in enumerate(LAYERS):
        for g in group:
            if (name == g or name.startswith(g + ".")) and len(g) > best:
                best, rank = len(g), i
    assert rank >= 0, f"{name} is in no layer: add its package to LAYERS and ARCHITECTURE.md"
    return rank


def violations(graph: dict[str, set[str]]) -> list[str]:
    bad = []
    for mod, targets in sorted(graph.items()):
        for t in sorted(targets):
            if t == "workbench.cli" or t.startswith("workbench.cli."):
                if mod != LAUNCHER and not mod.startswith("workbench.cli"):
                    bad.append(f"{mod} imports the CLI ({t}); only the launcher may")
                continue
            if t == "workbench.tui" or t.startswith("workbench.tui."):
                if not mod.startswith("workbench.tui") and mod != CLI_ENTRY:
                    bad.append(f"{mod} imports the TUI ({t}); only {CLI_ENTRY} may")
                continue
            if layer_of(t) > layer_of(mod):
                bad.append(f"{mod} imports {t}, a higher layer")
    return bad


# ------------------------------------------------------------------------------ the package itself


def test_the_package_has_no_import_circle():
    assert circles(import_graph()) == []


def test_imports_flow_down_and_the_faces_never_import_each_other():
    assert violations(import_graph()) == []


def test_the_core_never_imports_textual():
    graph_modules = all_modules()
    for name, path in graph_modules.items():
        if name.startswith("workbench.tui"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            mods = ([a.name for a in node.names] if isinstance(node, ast.Import)
                    else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
            assert not any(m == "textual" or m.startswith("textual.") for m in mods), f"{name} imports Textual"


def test_every_package_says_what_it_holds_and_may_import():
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init.relative_to(ROOT)} has no docstring"
        if init.parent.parent == PACKAGE:  # the stage packages say what they may import
            assert "import" in doc.lower(), f"{init.relative_to(ROOT)} does not say what it may import"


def test_architecture_md_maps_every_package():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for init in PACKAGE.rglob("__init__.py"):
        folder = init.parent.relative_to(ROOT).as_posix()
        if folder == "workbench":
            continue
        assert f"`{folder}/`" in text, f"ARCHITECTURE.md's code map does not name {folder}/"
    for named in re.findall(r"`(workbench/[\w/]+)/`", text):
        assert (ROOT / named).is_dir(), f"ARCHITECTURE.md names {named}/, which does not exist"


# ------------------------------------------------------------------------------ the test can fail


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "workbench"
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


def _graph(tmp_path: Path, files: dict[str, str]) -> dict[str, set[str]]:
    root = _tree(tmp_path, files)
    mods = {}
    for p in root.rglob("*.py"):
        parts = list(p.relative_to(tmp_path).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        mods[".".join(parts)] = p
    return {n: imports_of(n, p, set(mods)) for n, p in mods.items()}


def test_a_circle_closed_inside_a_function_is_found(tmp_path):
    g = _graph(tmp_path, {
        "__init__.py": "",
        "reading/__init__.py": "",
        "reading/a.py": "from .b import x\n",
        "reading/b.py": "def f():\n    from workbench.reading import a\n",
    })
    assert circles(g) == [["workbench.reading.a", "workbench.reading.b"]]


@pytest.mark.parametrize("files, expected", [
    ({"tui/__init__.py": "", "tui/app.py": "from ..cli.versions import x\n", "cli/__init__.py": "",
      "cli/versions.py": ""}, "imports the CLI"),
    ({"writing/__init__.py": "", "writing/w.py": "from ..tui import app\n", "tui/__init__.py": "",
      "tui/app.py": ""}, "imports the TUI"),
    ({"document/__init__.py": "", "document/m.py": "import workbench.checking.c\n",
      "checking/__init__.py": "", "checking/c.py": ""}, "a higher layer"),
    ({"reading/__init__.py": "", "reading/r.py": "from ..writing.docx import read\n",
      "writing/__init__.py": "", "writing/docx.py": ""}, "a higher layer"),
])
def test_an_import_against_the_flow_is_named(tmp_path, files, expected):
    g = _graph(tmp_path, {"__init__.py": "", **files})
    found = violations(g)
    assert len(found) == 1 and expected in found[0]


def test_the_launcher_and_the_cli_entry_may_start_the_faces(tmp_path):
    g = _graph(tmp_path, {
        "__init__.py": "", "__main__.py": "from .cli.commands import main\n",
        "cli/__init__.py": "", "cli/commands.py": "def f():\n    from ..tui.app import run\n",
        "tui/__init__.py": "", "tui/app.py": "from ..drafting import rounds\n",
        "drafting/__init__.py": "", "drafting/rounds.py": "",
    })
    assert violations(g) == []


def test_every_workbench_import_names_a_module_and_names_that_exist():
    """Imports inside functions run only when their path does: after a move, a stale one would
    fail in front of the drafter. Each is resolved here, module and names."""
    import importlib

    missing = []
    mods = all_modules()
    for name, path in sorted(mods.items()):
        for line, module, attr in import_statements(name, path):
            try:
                loaded = importlib.import_module(module)
            except ImportError as exc:
                missing.append(f"{name}:{line} {module} ({exc})")
                continue
            if attr and not hasattr(loaded, attr) and f"{module}.{attr}" not in mods:
                missing.append(f"{name}:{line} {module}.{attr}")
    assert missing == []


def test_every_worker_names_itself():
    """Textual describes a worker without a `description` by the repr of its arguments, on the
    event loop: for a worker given the report that is the whole document, every autosave and
    every check run (seconds for a long paragraph). Every @work in the package says its name."""
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for dec in node.decorator_list:
                call = dec if isinstance(dec, ast.Call) else None
                name = (call.func if call else dec)
                if getattr(name, "id", getattr(name, "attr", None)) != "work":
                    continue
                if call is None or not any(k.arg == "description" for k in call.keywords):
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert not missing, missing


def test_no_drafter_string_is_defined_twice():
    """strings.py is merged from many branches: a name defined twice silently takes the later
    text (a merge once brought back "错误 0 条" over "错误 0 项")."""
    import collections

    names = re.findall(r"^([A-Z_][A-Z0-9_]*)\s*=", (PACKAGE / "strings.py").read_text(encoding="utf-8"), re.M)
    twice = [n for n, c in collections.Counter(names).items() if c > 1]
    assert not twice, twice
