"""Configuration an editor owns: ``themes.yml``, ``entities.yml``, ``metadata.yml``.

They live beside ``mkdocs.yml``. Each is validated as a whole: every problem is
collected as a message naming the file, the dotted key and the line, and then one
``ConfigError`` lists them all (the MkDocs way, not a silent fallback).
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .manifest import MANIFEST_NAME, Manifest, load_manifest
from .yaml_text import Problems, child_node, load_yaml

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(slots=True)
class Theme:
    id: str
    label: str
    description: str
    phrases: list[str]
    """Trigger phrases of the default language (English), and of every document whose
    language has none of its own (``languages``)."""
    weights: dict[str, float] = field(default_factory=dict)
    """Phrase → weight given in themes.yml (``- phrase: weight``); the others weigh by default."""
    languages: dict[str, list[str]] = field(default_factory=dict)
    """Language code (ISO 639-1) → the theme's phrases in that language (``phrases_fr``)."""


THEME_KEYS = ("id", "label", "description", "phrases")
PHRASES_LANG_RE = re.compile(r"^phrases_([a-z]{2})$")
MAX_WEIGHT = 10.0


@dataclass(slots=True)
class EntityDecl:
    id: str
    name: str
    kind: str
    short: str = ""
    aliases: list[str] = field(default_factory=list)
    definition: str = ""
    date: str = ""
    """For events: when it took place (ISO 8601), for the timeline."""


ENTITY_KINDS = ("organisation", "instrument", "event", "initiative", "programme", "body", "other")
METADATA_FIELDS = ("title", "date", "period", "organisation", "doc_type", "signatory",
                   "signatory_role", "addressee", "symbols", "lang")


@dataclass(slots=True)
class Config:
    """Everything the builder reads besides the seeds."""

    themes: list[Theme] = field(default_factory=list)
    entities: list[EntityDecl] = field(default_factory=list)
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)
    """metadata.yml: seed name → field → value."""
    tombstones: dict[str, dict[str, Any]] = field(default_factory=dict)
    site_url: str = ""
    site_name: str = ""
    fingerprint: str = ""
    """Hash of the configuration files, part of the cache key."""
    permalinks: Manifest | None = None
    """permalinks.yml: every page and anchor published so far (``manifest.load_manifest``)."""
    ignored: dict[str, str] = field(default_factory=dict)
    """metadata.yml ``ignored:``: seed name → why it is not published (such a seed is not read)."""


def _unknown(key: str, allowed: set[str] | tuple[str, ...]) -> str:
    """"Unrecognised key" with the expected ones and, for a typo, the likely one."""
    near = difflib.get_close_matches(key, list(allowed), n=1)
    hint = f"; did you mean '{near[0]}'?" if near else ""
    return f"Unrecognised key (expected one of {', '.join(sorted(allowed))}){hint}"


def _missing_or(message: str, item: dict[str, Any], key: str) -> str:
    return f"Missing required key: {message[0].lower()}{message[1:]}" if key not in item else message


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _phrase_list(value: Any, key: str, node: yaml.Node | None, p: Problems,
                 weights: dict[str, float]) -> list[str]:
    """A theme's list of phrases: each a string, or a one-key mapping ``phrase: weight``
    (a number above 0 and at most ``MAX_WEIGHT``). Weights go into ``weights``."""
    if not isinstance(value, list) or not value:
        p.add(key, "Expected a non-empty list of strings", node)
        return []
    out: list[str] = []
    for j, item in enumerate(value):
        where = child_node(node, j)
        if isinstance(item, str) and item.strip():
            out.append(item.strip())
        elif isinstance(item, dict) and len(item) == 1:
            (phrase, w), = item.items()
            if not isinstance(phrase, str) or not phrase.strip():
                p.add(f"{key}.{j}", f"Expected a phrase before the colon, but got {phrase!r}", where)
            elif isinstance(w, bool) or not isinstance(w, (int, float)) or not 0 < w <= MAX_WEIGHT:
                p.add(f"{key}.{j}", f"Expected a weight above 0 and at most {MAX_WEIGHT:g} after "
                      f"'{phrase.strip()}:', but got {w!r}", where)
            else:
                out.append(phrase.strip())
                weights[phrase.strip()] = float(w)
        else:
            p.add(f"{key}.{j}", "Expected a phrase (a string) or 'phrase: weight' (a number), "
                  f"but got {item!r}", where)
    return out


def load_themes(path: Path) -> list[Theme]:
    if not path.exists():
        return []
    data, root = load_yaml(path)
    p = Problems(path)
    items = data.get("themes") if isinstance(data, dict) else None
    if not isinstance(items, list):
        p.add("themes", "Expected a list of themes under the top-level key 'themes'", root)
        p.raise_if_any()
    themes: list[Theme] = []
    seen: set[str] = set()
    tnode = child_node(root, "themes")
    for i, item in enumerate(items or []):
        node = child_node(tnode, i)
        if not isinstance(item, dict):
            p.add(f"themes.{i}", f"Expected a mapping, but got {type(item).__name__}", node)
            continue
        for unknown in sorted(k for k in set(item) - set(THEME_KEYS)
                              if not (isinstance(k, str) and PHRASES_LANG_RE.match(k))):
            if isinstance(unknown, str) and unknown.startswith("phrases_"):
                message = (f"Expected 'phrases_' followed by a two-letter language code (ISO 639-1, "
                           f"lower case), such as 'phrases_fr', but got {unknown!r}")
            else:
                message = _unknown(str(unknown), THEME_KEYS) + " (or 'phrases_<language>', such as 'phrases_fr')"
            p.add(f"themes.{i}.{unknown}", message, child_node(node, unknown))
        tid = item.get("id")
        if not isinstance(tid, str) or not ID_RE.match(tid):
            p.add(f"themes.{i}.id", "Expected an id of lower-case letters, digits and '-', "
                  f"but got {tid!r}", child_node(node, "id"))
            continue
        if tid in seen:
            p.add(f"themes.{i}.id", f"Duplicate theme id {tid!r}", child_node(node, "id"))
        seen.add(tid)
        for key in ("label", "description"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                p.add(f"themes.{tid}.{key}", _missing_or("Expected a non-empty string", item, key),
                      child_node(node, key))
        weights: dict[str, float] = {}
        if "phrases" not in item:
            p.add(f"themes.{tid}.phrases", "Missing required key: expected a non-empty list of strings", node)
            phrases: list[str] = []
        else:
            phrases = _phrase_list(item["phrases"], f"themes.{tid}.phrases", child_node(node, "phrases"), p, weights)
        languages: dict[str, list[str]] = {}
        for key in sorted(k for k in item if isinstance(k, str) and PHRASES_LANG_RE.match(k)):
            lang = key[len("phrases_"):]
            if lang == "en":
                p.add(f"themes.{tid}.{key}", "English is the default language: put these phrases under "
                      "'phrases'", child_node(node, key))
                continue
            languages[lang] = _phrase_list(item[key], f"themes.{tid}.{key}", child_node(node, key), p, weights)
        themes.append(Theme(tid, str(item.get("label", "")).strip(),
                            " ".join(str(item.get("description", "")).split()), phrases, weights, languages))
    p.raise_if_any()
    return themes


def load_entities(path: Path) -> list[EntityDecl]:
    if not path.exists():
        return []
    data, root = load_yaml(path)
    p = Problems(path)
    items = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(items, list):
        p.add("entities", "Expected a list of entities under the top-level key 'entities'", root)
        p.raise_if_any()
    out: list[EntityDecl] = []
    seen: set[str] = set()
    enode = child_node(root, "entities")
    allowed = {"id", "name", "kind", "short", "aliases", "definition", "date"}
    for i, item in enumerate(items or []):
        node = child_node(enode, i)
        if not isinstance(item, dict):
            p.add(f"entities.{i}", f"Expected a mapping, but got {type(item).__name__}", node)
            continue
        for unknown in sorted(set(item) - allowed):
            p.add(f"entities.{i}.{unknown}", _unknown(str(unknown), allowed), child_node(node, unknown))
        eid = item.get("id")
        if not isinstance(eid, str) or not ID_RE.match(eid):
            p.add(f"entities.{i}.id", f"Expected an id of lower-case letters, digits and '-', but got {eid!r}",
                  child_node(node, "id"))
            continue
        if eid in seen:
            p.add(f"entities.{i}.id", f"Duplicate entity id {eid!r}", child_node(node, "id"))
        seen.add(eid)
        if not isinstance(item.get("name"), str) or not item["name"].strip():
            p.add(f"entities.{eid}.name", _missing_or("Expected a non-empty string", item, "name"),
                  child_node(node, "name"))
        kind = item.get("kind", "other")
        if kind not in ENTITY_KINDS:
            p.add(f"entities.{eid}.kind", f"Expected one of: {', '.join(ENTITY_KINDS)} but received: {kind!r}",
                  child_node(node, "kind"))
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            p.add(f"entities.{eid}.aliases", "Expected a list of strings", child_node(node, "aliases"))
            aliases = []
        for key in ("short", "definition", "date"):
            if key in item and not isinstance(item[key], str):
                p.add(f"entities.{eid}.{key}", f"Expected a string, but got {type(item[key]).__name__}",
                      child_node(node, key))
        if isinstance(item.get("date"), str) and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", item["date"]):
            p.add(f"entities.{eid}.date", f"Expected an ISO date (2013-10-03, 2013-10 or 2013), but got "
                  f"{item['date']!r}", child_node(node, "date"))
        out.append(EntityDecl(eid, str(item.get("name", "")), str(kind), str(item.get("short", "")),
                              list(aliases), str(item.get("definition", "")), str(item.get("date", ""))))
    p.raise_if_any()
    return out


def load_overrides(path: Path) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """metadata.yml → (overrides by seed name, tombstones by seed name)."""
    overrides, tombstones, _ignored = load_metadata(path)
    return overrides, tombstones


METADATA_KEYS = ("documents", "withdrawn", "ignored")


def load_metadata(path: Path) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]], dict[str, str]]:
    """metadata.yml → (overrides by seed name, tombstones by seed name, ignored seeds → reason)."""
    if not path.exists():
        return {}, {}, {}
    data, root = load_yaml(path)
    p = Problems(path)
    if data is None:
        return {}, {}, {}
    if not isinstance(data, dict):
        p.add("(top level)", "Expected a mapping with 'documents', 'withdrawn' and/or 'ignored'", root)
        p.raise_if_any()
    for unknown in sorted(set(data) - set(METADATA_KEYS), key=str):
        p.add(str(unknown), _unknown(str(unknown), METADATA_KEYS), child_node(root, unknown))
    docs = data.get("documents") or {}
    dnode = child_node(root, "documents")
    if not isinstance(docs, dict):
        p.add("documents", "Expected a mapping of seed file name → fields", dnode)
        docs = {}
    overrides: dict[str, dict[str, Any]] = {}
    for name, fields in docs.items():
        node = child_node(dnode, name)
        if not isinstance(fields, dict):
            p.add(f"documents.{name}", "Expected a mapping of field → value", node)
            continue
        for key, value in fields.items():
            if key not in METADATA_FIELDS:
                p.add(f"documents.{name}.{key}", _unknown(str(key), METADATA_FIELDS), child_node(node, key))
            elif key == "symbols" and not _str_list(value):
                p.add(f"documents.{name}.{key}", "Expected a list of strings", child_node(node, key))
            elif key != "symbols" and not isinstance(value, (str, int)) and value is not None:
                p.add(f"documents.{name}.{key}", f"Expected a string, but got {type(value).__name__}",
                      child_node(node, key))
        overrides[str(name)] = {k: (str(v) if isinstance(v, int) else v) for k, v in fields.items()}
    withdrawn = data.get("withdrawn") or {}
    wnode = child_node(root, "withdrawn")
    if not isinstance(withdrawn, dict):
        p.add("withdrawn", "Expected a mapping of seed file name → {reason}", wnode)
        withdrawn = {}
    tombstones: dict[str, dict[str, Any]] = {}
    for name, fields in withdrawn.items():
        if not isinstance(fields, (dict, str)) and fields is not None:
            p.add(f"withdrawn.{name}", "Expected a reason (a string) or a mapping with 'reason'",
                  child_node(wnode, name))
            continue
        fields = fields if isinstance(fields, dict) else {"reason": str(fields or "")}
        tombstones[str(name)] = fields
    ignored = _load_ignored(data.get("ignored"), child_node(root, "ignored"), p, overrides, tombstones)
    p.raise_if_any()
    return overrides, tombstones, ignored


def _load_ignored(items: Any, node: yaml.Node | None, p: Problems, overrides: dict[str, Any],
                  tombstones: dict[str, Any]) -> dict[str, str]:
    """``ignored: {seed file name: reason}``: seeds kept in the seeds folder but not published
    (not read at all), each with the reason, which the build reports."""
    if items is None:
        return {}
    if not isinstance(items, dict):
        p.add("ignored", "Expected a mapping of seed file name → reason, e.g. "
              "'ignored: {drafts/letter.txt: draft, not for publication}'", node)
        return {}
    ignored: dict[str, str] = {}
    for name, reason in items.items():
        key = f"ignored.{name}"
        where = child_node(node, name)
        if not isinstance(name, str) or not name.strip() or name.startswith("/") or ".." in name.split("/"):
            p.add(key, "Expected a seed file name relative to the seeds folder (like 'notes/letter.txt')", where)
            continue
        if not isinstance(reason, str) or not reason.strip():
            got = "nothing" if reason is None else type(reason).__name__
            p.add(key, f"Expected the reason the seed is not published (a non-empty string), but got {got}", where)
            continue
        for other, names in (("documents", overrides), ("withdrawn", tombstones)):
            if name in names:
                p.add(key, f"The seed is also listed under '{other}'; a seed that is ignored is not read, "
                      "so remove it from one of them", where)
        ignored[name] = " ".join(reason.split())
    return ignored


def load_site(path: Path) -> tuple[str, str]:
    """site_url and site_name from mkdocs.yml (tolerating MkDocs's !!python tags)."""
    if not path.exists():
        return "", ""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise ConfigError(f"{path.name}{where}: not valid YAML: {getattr(exc, 'problem', None) or exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path.name}: expected a mapping of settings at the top level")
    return str(data.get("site_url") or ""), str(data.get("site_name") or "")


def load_config(root: Path, *, manifest: Manifest | None = None) -> Config:
    """Load and validate every configuration file in ``root`` (the folder of mkdocs.yml);
    ``manifest``: permalinks.yml as already parsed (by a long-lived process that wrote it,
    ``engine.live``), else it is read here."""
    errors: list[str] = []
    themes: list[Theme] = []
    entities: list[EntityDecl] = []
    overrides: dict[str, dict[str, Any]] = {}
    tombstones: dict[str, dict[str, Any]] = {}
    ignored: dict[str, str] = {}
    try:
        themes = load_themes(root / "themes.yml")
    except ConfigError as exc:
        errors.append(str(exc))
    try:
        entities = load_entities(root / "entities.yml")
    except ConfigError as exc:
        errors.append(str(exc))
    try:
        overrides, tombstones, ignored = load_metadata(root / "metadata.yml")
    except ConfigError as exc:
        errors.append(str(exc))
    try:
        manifest = load_manifest(root / MANIFEST_NAME) if manifest is None else manifest
    except ConfigError as exc:
        errors.append(str(exc))
    if errors:
        raise ConfigError("\n".join(errors))
    site_url, site_name = load_site(root / "mkdocs.yml")
    digest = hashlib.sha256()
    for name in ("themes.yml", "entities.yml", "metadata.yml", "mkdocs.yml"):
        f = root / name
        digest.update(name.encode() + b"\0" + (f.read_bytes() if f.exists() else b"") + b"\0")
    return Config(themes, entities, overrides, tombstones, site_url, site_name, digest.hexdigest(),
                  permalinks=manifest, ignored=ignored)
