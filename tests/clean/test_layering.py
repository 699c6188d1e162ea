"""builder/clean keeps its layers: registry → rules → state and text helpers, nothing later.

Read with ``ast`` from the source files (nothing is imported): a rule module (``rules/*``)
imports no other rule module, nor the registry; the helpers (``state``, ``text/*``) import no
rule module; nothing in ``clean/`` imports a later stage; there is no import cycle among the
modules of ``clean/``; and no import hides inside a function, except an optional heavy
dependency listed in ``LAZY_ALLOWED`` with its reason (and a comment at the import).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLEAN = ROOT / "builder" / "clean"
PACKAGE = "builder.clean"
LATER_STAGES = ("builder.enrich", "builder.link", "builder.write", "builder.pipeline")
LAZY_ALLOWED = {
    ("text/hyphens.py", "wordfreq"): "loading wordfreq takes about a second; most documents never need it "
                                      "(test_hyphens checks it stays unloaded)",
}
"""Function-local imports that are allowed: (file under clean/, module) → why."""


@dataclass
class Module:
    name: str
    path: Path
    imports: list[tuple[str, int]] = field(default_factory=list)
    """Every module imported (absolute dotted name, line), at any depth of the file."""
    local: list[tuple[str, int]] = field(default_factory=list)
    """The imports inside a function (module, line)."""


def _name(root: Path, package: str, path: Path) -> str:
    parts = [p for p in path.relative_to(root).with_suffix("").parts if p != "__init__"]
    return ".".join([package, *parts])


def _targets(module: Module, node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        here = module.name.split(".")
        if module.path.name != "__init__.py":
            here = here[:-1]
        base = here[:len(here) - (node.level - 1)]
        stem = ".".join(base + ([node.module] if node.module else []))
    else:
        stem = node.module or ""
    # ``from . import x`` may import the submodule x: both are candidates, resolved against known names.
    return [stem] + [f"{stem}.{alias.name}" for alias in node.names]


def read_modules(root: Path, package: str) -> dict[str, Module]:
    modules = {}
    for path in sorted(root.rglob("*.py")):
        module = Module(_name(root, package, path), path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inner = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
                 for n in ast.walk(f) if isinstance(n, (ast.Import, ast.ImportFrom))}
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for target in _targets(module, node):
                    module.imports.append((target, node.lineno))
                if id(node) in inner:
                    first = node.names[0].name if isinstance(node, ast.Import) else (node.module or ".")
                    module.local.append((first, node.lineno))
        modules[module.name] = module
    return modules


def internal_edges(modules: dict[str, Module]) -> dict[str, set[str]]:
    return {name: {t for t, _ in m.imports if t in modules and t != name} for name, m in modules.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle a depth-first search meets (one per back edge)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                found.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return found


def _is_rule_module(name: str, package: str) -> bool:
    return name.startswith(f"{package}.rules.")


def _is_helper(name: str, package: str) -> bool:
    return name == f"{package}.state" or name == f"{package}.text" or name.startswith(f"{package}.text.")


def layer_problems(root: Path, package: str) -> list[str]:
    modules = read_modules(root, package)
    edges = internal_edges(modules)
    problems = []
    for name, module in modules.items():
        where = module.path.relative_to(root).as_posix()
        for target in sorted(edges[name]):
            if _is_rule_module(name, package) and (_is_rule_module(target, package)
                                                   or target in (f"{package}.registry", package)):
                problems.append(f"{where}: rule module imports {target}")
            if _is_helper(name, package) and (_is_rule_module(target, package)
                                              or target in (f"{package}.registry", f"{package}.run", package)):
                problems.append(f"{where}: helper below the rules imports {target}")
        for target, line in module.imports:
            if any(target == stage or target.startswith(stage + ".") for stage in LATER_STAGES):
                problems.append(f"{where}:{line}: imports the later stage {target}")
        for target, line in module.local:
            allowed = (where, target.split(".")[0]) in LAZY_ALLOWED
            lines = module.path.read_text(encoding="utf-8").splitlines()
            commented = any(ln.strip().startswith("#") for ln in lines[max(0, line - 4):line - 1])
            if not (allowed and commented):
                problems.append(f"{where}:{line}: imports {target} inside a function")
    problems += ["import cycle: " + " -> ".join(c) for c in cycles(edges)]
    return problems


def test_clean_keeps_its_layers():
    assert layer_problems(CLEAN, PACKAGE) == []


def test_the_registry_imports_every_rule_module_at_the_top():
    modules = read_modules(CLEAN, PACKAGE)
    rule_modules = {n for n in modules if _is_rule_module(n, PACKAGE)}
    assert rule_modules
    assert rule_modules <= internal_edges(modules)[f"{PACKAGE}.registry"]
    assert modules[f"{PACKAGE}.registry"].local == []


@pytest.mark.parametrize("entry", sorted(LAZY_ALLOWED))
def test_every_allowed_lazy_import_still_exists(entry):
    where, target = entry
    module = next(m for m in read_modules(CLEAN, PACKAGE).values() if m.path == CLEAN / where)
    assert any(t.split(".")[0] == target for t, _ in module.local)


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_the_checker_finds_each_kind_of_problem(tmp_path):
    root = _write(tmp_path / "pkg", {
        "__init__.py": "from .registry import x\n",
        "registry.py": "from .rules import a, b\nx = 1\n",
        "state.py": "from .text.helpers import h\n",
        "text/__init__.py": "",
        "text/helpers.py": "from ..state import s\nfrom ..rules import a\n",
        "rules/__init__.py": "",
        "rules/a.py": "from . import b\nfrom ..registry import x\n",
        "rules/b.py": "from builder.write import files\n\ndef f():\n    import json\n",
    })
    problems = layer_problems(root, "pkg")
    assert "rules/a.py: rule module imports pkg.rules.b" in problems
    assert "rules/a.py: rule module imports pkg.registry" in problems
    assert "text/helpers.py: helper below the rules imports pkg.rules.a" in problems
    assert "rules/b.py:1: imports the later stage builder.write" in problems
    assert "rules/b.py:4: imports json inside a function" in problems
    assert any(p.startswith("import cycle: ") and "pkg.state" in p and "pkg.text.helpers" in p for p in problems)
