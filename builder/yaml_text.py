"""YAML helpers below the configuration: reading a YAML file with line numbers for messages, and
writing YAML exactly as ``yaml.dump`` does, without PyYAML, for the simple values that make up
most of what the builder writes (front matter on every page, the permalink manifest).

Reading (``load_yaml``, ``child_node``, ``Problems``): a file is parsed once into nodes (for line
numbers) and data; bad bytes, bad YAML and duplicate keys are a ``ConfigError`` naming the line.

Writing:

PyYAML's representer runs in Python and costs more than building the rest of a page; these
functions write the same bytes for values they can be sure of and answer ``None`` for anything
else (a line break, a leading space, a quote character that needs care, a very long line), which
the caller then gives to PyYAML. tests/test_front_matter.py and tests/test_permalinks.py compare
them with PyYAML.
"""

from __future__ import annotations

import re
import weakref
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter when available (several times faster)."""

_SURE = re.compile(r"\w[\w .,;:()&/'’\"#!?%+*@–—…|-]*")
"""Characters that never make libyaml choose a style other than plain or single-quoted, when
the value starts with a letter or digit (``'`` and ``#`` only matter next to a space or at
the start, ``:`` before a space or at the end; both are checked in ``scalar``)."""
_MAX_SURE = 400
"""Longer values are left to PyYAML (it folds lines longer than its ``width``)."""
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()


def scalar(value: object) -> str | None:
    """One scalar as ``yaml.dump`` writes it, or ``None`` when not sure."""
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is int:
        return str(value)
    if type(value) is not str or len(value) > _MAX_SURE or not _SURE.fullmatch(value):
        return None
    if not value.isascii() and max(value) > "\uffff":  # libyaml escapes characters beyond the BMP
        return None
    if value.endswith(" ") or "  " in value or " #" in value or " '" in value:
        return None
    # Plain unless it would read back as another type (a date, a number, ``yes``) or holds a
    # mapping indicator (``: ``, or ``:`` at the end): then single-quoted, ``'`` doubled.
    if ": " in value or value.endswith(":") or _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) != _STR_TAG:
        return "'" + value.replace("'", "''") + "'"
    return value


MAX_SIMPLE_KEY = 128
"""libyaml writes a longer key in the explicit ``? key`` form."""


def plain_key(value: object) -> str | None:
    """A mapping key that ``yaml.dump`` writes plain, as it is; ``None`` otherwise."""
    ok = type(value) is str and len(value) < MAX_SIMPLE_KEY and scalar(value) == value
    return value if ok else None


def simple_yaml(data: dict[str, Any]) -> str | None:
    """``data`` as ``yaml.dump(data, sort_keys=False, allow_unicode=True, width=1000)`` writes it,
    for a mapping of plain keys to scalars, lists of scalars and mappings of scalars; ``None``
    when a value is anything else or a string it cannot be sure of."""
    if not data:
        return None
    out: list[str] = []
    for key, value in data.items():
        if plain_key(key) is None:
            return None
        if isinstance(value, (list, dict)):
            if not value:
                return None
            out.append(f"{key}:\n")
            items = value.items() if isinstance(value, dict) else ((None, item) for item in value)
            for sub, item in items:
                text = scalar(item)
                if text is None or (sub is not None and plain_key(sub) is None):
                    return None
                out.append(f"  {sub}: {text}\n" if sub is not None else f"- {text}\n")
            continue
        text = scalar(value)
        if text is None:
            return None
        out.append(f"{key}: {text}\n")
    return "".join(out)


# --- reading -------------------------------------------------------------------------

class Problems:
    """The problems found in one YAML file, each naming the key and line; ``raise_if_any`` raises them all
    as one ``ConfigError``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[str] = []

    def add(self, key: str, message: str, node: yaml.Node | None = None) -> None:
        where = f" (line {node.start_mark.line + 1})" if node is not None else ""
        self.items.append(f"{self.path.name}: '{key}'{where}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            raise ConfigError("\n".join(self.items))


SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader when PyYAML was built with it (several times faster; the same data)."""


def load_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file; a message with the file and line for bad bytes, bad YAML, unsafe
    tags and duplicate keys (which YAML would otherwise resolve silently, last one wins)."""
    data_bytes = path.read_bytes()
    try:
        text = data_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data_bytes[:exc.start].count(b"\n") + 1
        raise ConfigError(f"{path.name} (line {line}): not valid UTF-8 (byte 0x{data_bytes[exc.start]:02x}); "
                          "save the file as UTF-8") from exc
    loader = SafeLoader(text)
    try:  # parsed once: the data is constructed from the node tree that the line numbers come from
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{path.name}{where}: not valid YAML: {problem}") from exc
    finally:
        loader.dispose()
    duplicates = duplicate_keys(node)
    if duplicates:
        raise ConfigError("\n".join(f"{path.name}: '{key}' (line {line}): Duplicate key; YAML would keep only "
                                    "the last value, so remove or rename one" for key, line in duplicates))
    return data, node


def duplicate_keys(root: yaml.Node | None) -> list[tuple[str, int]]:
    """(dotted key, line) of every key given twice in one mapping."""
    found: list[tuple[str, int]] = []
    seen_nodes: set[int] = set()
    stack: list[tuple[yaml.Node | None, str]] = [(root, "")]
    while stack:
        node, prefix = stack.pop()
        if node is None or id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for k, v in node.value:
                key = f"{prefix}{k.value}" if isinstance(k.value, str) else prefix + "?"
                if isinstance(k.value, str) and k.value in keys:
                    found.append((key, k.start_mark.line + 1))
                keys.add(k.value if isinstance(k.value, str) else "")
                stack.append((v, key + "."))
        elif isinstance(node, yaml.SequenceNode):
            stack += [(v, f"{prefix}{i}.") for i, v in enumerate(node.value)]
    return sorted(found, key=lambda f: f[1])


_KEY_INDEX: weakref.WeakKeyDictionary[yaml.MappingNode, dict[Any, yaml.Node]] = weakref.WeakKeyDictionary()
"""Each mapping node's values by key text (the first of duplicates), built on its first lookup:
``manifest.load_manifest`` looks up every page of a mapping of thousands."""


def child_node(node: yaml.Node | None, key: str | int) -> yaml.Node | None:
    """The node of ``key`` in a mapping (index in a sequence), for a message's line number; the
    node itself when there is no such key."""
    if isinstance(node, yaml.MappingNode):
        index = _KEY_INDEX.get(node)
        if index is None:
            index = {}
            for k, v in node.value:
                if isinstance(k.value, str):
                    index.setdefault(k.value, v)
            _KEY_INDEX[node] = index
        found = index.get(key)
        if found is not None:
            return found
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return node
