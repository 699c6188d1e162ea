"""YAML exactly as ``yaml.dump`` writes it, without PyYAML, for the simple values that make up
most of what the builder writes (front matter on every page, the permalink manifest).

PyYAML's representer runs in Python and costs more than building the rest of a page; these
functions write the same bytes for values they can be sure of and answer ``None`` for anything
else (a line break, a leading space, a quote character that needs care, a very long line), which
the caller then gives to PyYAML. tests/test_front_matter.py and tests/test_permalinks.py compare
them with PyYAML.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

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
