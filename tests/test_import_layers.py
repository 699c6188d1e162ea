"""The builder's arrows point one way: CLI → build → stages → model, and no import cycle; the
engine (``builder/engine/``: how the work runs) calls the stages, never the other way round.

Read with ``ast`` from the source files (nothing is imported). Imports under ``if TYPE_CHECKING:``
are annotations only and do not count; ``from package import module`` counts as importing the
module (the package is always loaded first by Python itself and is no edge of its own).

What the redesign has not untangled yet is listed here, each entry with what removes it, so the
lists can only shrink: a new cycle or a new import hidden inside a function fails the suite.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILDER = ROOT / "builder"

KNOWN_CYCLES: list[frozenset[str]] = []
"""Import cycles at load time that exist today (none: the cycles that remain are dodged by the
imports inside functions of ``LAZY_IMPORTS`` marked "to remove")."""

LAZY_IMPORTS = {
    # optional or heavy dependencies, loaded only when a document needs them
    ("builder.clean.text.hyphens", "wordfreq"): "about a second to load; most documents never need it",
    ("builder.enrich.dates", "dateparser.date"): "dateparser's language data: only documents with a spelled-out date",
    ("builder.enrich.dates", "dateparser.languages.loader"): "likewise",
    ("builder.enrich.language", "py3langid.langid"): "its model loads in about a second, once per process",
    ("builder.engine.distributed", "distributed"): "Dask is an optional extra, only for --executor dask",
    ("builder.progress", "rich.console"): "only on a terminal",
    ("builder.progress", "rich.progress"): "only on a terminal",
    ("builder.read", "charset_normalizer"): "only for a seed that is not UTF-8",
    ("builder.read", "ftfy"): "only for a line that is not ASCII",
    # the one of the builder's own: the command line is read before the builder is loaded
    ("builder.__main__", "builder.command"): "--help and a usage error answer in 0.2 s of CPU, not 1.2 s",
}
"""Imports inside a function: (module, imported module) → why."""

STAGES = ("builder.read", "builder.clean", "builder.enrich", "builder.link", "builder.write")
MODEL = "builder.document"
ENGINE = "builder.engine"


def _module_name(path: Path) -> str:
    parts = [p for p in path.relative_to(ROOT).with_suffix("").parts if p != "__init__"]
    return ".".join(parts)


def _type_checking_only(tree: ast.Module) -> set[int]:
    """ids of the import nodes under ``if TYPE_CHECKING:``."""
    hidden = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            hidden |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return hidden


def read_imports() -> tuple[dict[str, set[str]], set[tuple[str, str]]]:
    """Module → the builder modules it imports at load time; and every (module, imported) pair
    imported inside a function."""
    paths = sorted(BUILDER.rglob("*.py"))
    names = {_module_name(p) for p in paths}
    edges: dict[str, set[str]] = {}
    lazy: set[tuple[str, str]] = set()
    for path in paths:
        name = _module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = _type_checking_only(tree)
        inner = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                 for n in ast.walk(f)}
        edges[name] = set()
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Import, ast.ImportFrom)) or id(node) in typing_only:
                continue
            targets = _targets(node, package, names)
            if id(node) in inner:
                lazy |= {(name, t) for t in targets}
            else:
                edges[name] |= {t for t in targets if t in names and t != name}
    return edges, lazy


def _targets(node: ast.Import | ast.ImportFrom, package: str, names: set[str]) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        base = package.split(".")
        base = base[:len(base) - (node.level - 1)]
        stem = ".".join(base + ([node.module] if node.module else []))
    else:
        stem = node.module or ""
    submodules = [f"{stem}.{alias.name}" for alias in node.names if f"{stem}.{alias.name}" in names]
    return submodules or [stem]


def cycles(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(frozenset(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_but_the_known_ones_which_never_grow():
    edges, _ = read_imports()
    new = [sorted(c) for c in cycles(edges) if not any(c <= known for known in KNOWN_CYCLES)]
    assert not new, f"new import cycle(s): {new}"


def test_the_list_of_known_cycles_is_not_stale():
    edges, _ = read_imports()
    found = cycles(edges)
    stale = [sorted(k) for k in KNOWN_CYCLES if not any(c == k for c in found)]
    assert not stale, f"these cycles are gone or smaller: update KNOWN_CYCLES to {[sorted(c) for c in found]}"


def test_no_import_hides_inside_a_function_unless_listed_with_its_reason():
    _, lazy = read_imports()
    unlisted = sorted(pair for pair in lazy if pair not in LAZY_IMPORTS)
    assert not unlisted, f"imports inside functions, not in LAZY_IMPORTS: {unlisted}"
    stale = sorted(pair for pair in LAZY_IMPORTS if pair not in lazy)
    assert not stale, f"LAZY_IMPORTS lists imports that are gone: {stale}"


def _unexplained_inner_imports(source: str) -> list[int]:
    """Lines of the imports inside a function with no comment on them nor on the lines of
    comments and imports right above them."""
    tree = ast.parse(source)
    lines = source.splitlines()
    found = []
    for f in ast.walk(tree):
        if not isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(f):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            at = node.lineno - 1
            said = "#" in lines[at]
            while not said and at > 0 and lines[at - 1].strip().startswith(("#", "from ", "import ")):
                at -= 1
                said = "#" in lines[at]
            if not said:
                found.append(node.lineno)
    return found


def test_every_import_inside_a_function_says_why_where_it_stands():
    # (a reader of the function sees why it loads that module late: an optional or heavy
    # dependency, LAZY_IMPORTS)
    bad = {_module_name(p): lines for p in sorted(BUILDER.rglob("*.py"))
           if (lines := _unexplained_inner_imports(p.read_text(encoding="utf-8")))}
    assert not bad, f"imports inside functions without a comment saying why: {bad}"


def test_an_import_inside_a_function_without_a_comment_is_found():
    source = ("def f():\n    import wordfreq\n\n"
              "def g():\n    # heavy, only for g\n    import a\n    from b import c\n\n"
              "def h():\n    import d  # heavy\n")
    assert _unexplained_inner_imports(source) == [2]


def test_the_model_imports_no_stage_and_not_the_layout():
    # A document carries its slug; where its page and URL are is the layout's (builder.layout).
    edges, _ = read_imports()
    assert not {t for t in edges[MODEL]
                if t.startswith(STAGES) or t in ("builder.pipeline", "builder.build", "builder.layout")}


def test_no_stage_imports_the_cli_or_the_build():
    edges, _ = read_imports()
    bad = sorted((m, t) for m, targets in edges.items() if m.startswith(STAGES)
                 for t in targets if t in ("builder.__main__", "builder.build", "builder.pipeline"))
    assert not bad


def test_no_stage_imports_the_engine():
    # The engine calls the stages through their public functions; a stage that needs something
    # of the engine gets it passed in (a memo, a payload store), never imports it, even late.
    edges, lazy = read_imports()
    pairs = {(m, t) for m, targets in edges.items() for t in targets} | lazy
    bad = sorted((m, t) for m, t in pairs if m.startswith(STAGES) and (t == ENGINE or t.startswith(ENGINE + ".")))
    assert not bad, f"stages importing the engine: {bad}"


def test_the_up_to_date_check_needs_no_stage_but_reading():
    # The up-to-date check (engine.stamp) and the sealed files it shares with the cache
    # (engine.store) import nothing of the builder but reading and the package itself.
    edges, _ = read_imports()
    for light in ("builder.engine.stamp", "builder.engine.store"):
        heavy = sorted(t for t in edges[light] if t.startswith("builder.")
                       and t not in ("builder", "builder.read", "builder.engine.store"))
        assert not heavy, f"{light} imports {heavy}"


def test_cleaning_imports_no_later_stage():
    edges, _ = read_imports()
    later = ("builder.enrich", "builder.link", "builder.write")
    bad = sorted((m, t) for m, targets in edges.items() if m.startswith("builder.clean")
                 for t in targets if t.startswith(later))
    assert not bad


def test_no_stage_imports_a_later_stage():
    # read → clean → enrich → link → write: a stage hands its result on, it never reaches ahead
    # (what two stages share sits below them: the model, the configuration, the manifest, slugs).
    edges, lazy = read_imports()
    pairs = {(m, t) for m, targets in edges.items() for t in targets} | lazy

    def stage(name: str) -> int:
        return next((i for i, s in enumerate(STAGES) if name == s or name.startswith(s + ".")), -1)

    bad = sorted((m, t) for m, t in pairs if stage(m) >= 0 and stage(t) > stage(m))
    assert not bad, f"stages importing a later stage: {bad}"


FILE_WRITES = {"write_text", "write_bytes", "mkdir", "makedirs", "unlink", "rmdir", "rename", "touch",
               "symlink_to", "rmtree", "copyfile", "copytree"}
"""Calls that change the file system (``os.replace`` and ``open`` for writing are checked apart)."""


def _file_writes(tree: ast.Module) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and (func.attr in FILE_WRITES or ast.unparse(func) == "os.replace"):
            found.append(f"line {node.lineno}: {ast.unparse(func)}")
        elif isinstance(func, ast.Name) and func.id == "open":
            modes = [*node.args[1:2], *(k.value for k in node.keywords if k.arg == "mode")]
            mode = modes[0] if modes else None
            if isinstance(mode, ast.Constant) and isinstance(mode.value, str) and set(mode.value) & set("wax+"):
                found.append(f"line {node.lineno}: open(…, {mode.value!r})")
    return found


def test_only_the_write_stage_writes_files():
    # docs/ (and every other file) is written by the write stage alone: the stages before it and
    # the model, configuration and manifest below them only read.
    below = (MODEL, "builder.config", "builder.manifest", "builder.yaml_text", "builder.slugs")
    readers = [p for p in sorted(BUILDER.rglob("*.py"))
               if _module_name(p).startswith(STAGES[:-1]) or _module_name(p) in below]
    assert len(readers) > 20
    bad = {_module_name(p): w for p in readers if (w := _file_writes(ast.parse(p.read_text(encoding="utf-8"))))}
    assert not bad, f"files written outside the write stage: {bad}"


def test_the_file_write_finder_finds_writes():
    tree = ast.parse("p.write_text(s)\nopen(p, 'w')\nopen(p, mode='ab')\nos.replace(a, b)\n"
                     "open(p, 'rb')\ns.replace('a', 'b')\nitems.remove(x)\n")
    assert [w.split(": ")[1] for w in _file_writes(tree)] == ["p.write_text", "open(…, 'w')", "open(…, 'ab')",
                                                             "os.replace"]


def test_the_cycle_finder_finds_a_cycle_and_nothing_else():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset({"a", "b", "c"})]
    assert cycles({"a": {"b"}, "b": set()}) == []
