"""The permalink manifest (``permalinks.yml``): every page and paragraph anchor ever published.

Reading it is configuration I/O (``load_manifest``, called by ``config.load_config``); writing
it back is the write edge's job (``dump_manifest``: ``pipeline.build`` returns its new text,
``build.run`` writes it). The link stage pins pages and anchors against it (``link.pins``,
``link.anchors``) and the guard checks it after rendering (``link.guard``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import yaml_text
from .errors import ConfigError
from .pure import pure
from .yaml_text import Problems, child_node, load_yaml

MANIFEST_NAME = "permalinks.yml"
ANCHOR_RE = re.compile(r"^para-(\d+)$")
PAGE_KEYS = ("source", "title", "moved_to", "anchors", "retired")

HEADER = """\
# The permalink manifest: every page and paragraph anchor this site has ever published.
#
# Written by `python -m builder build` (never by hand, except `moved_to` and `retired`);
# commit it with docs/. The builder only adds to it: a page once published keeps its URL
# and every paragraph anchor (para-1, para-2, ...) keeps pointing at the text it was
# published with (the fingerprint after each anchor: a hash, then the paragraph's first
# and last words). Each build fails, naming them, when a page or anchor listed here would
# break. To move a page on purpose, add `moved_to: <new page path>` under it (a redirect is
# generated); to withdraw a document, declare its seed under `withdrawn:` in metadata.yml
# (a withdrawal notice is generated); to retire an anchor whose text has gone for good,
# add `retired: {para-N: <reason>}` under its page (the anchor then lands where it was).
# Until anything is published, this file may be deleted and rebuilt from scratch.
"""


@dataclass(slots=True)
class PageEntry:
    """One published page (a docs-relative Markdown path) and what it pins."""

    source: str = ""
    """For document pages: the seed the page was made from."""
    title: str = ""
    """The title the page was first published with (for people reading the manifest)."""
    moved_to: str = ""
    """Where the page now lives (set by an editor): its URL becomes a redirect."""
    anchors: dict[str, str] = field(default_factory=dict)
    """``para-N`` → fingerprint of the text it was published with."""
    retired: dict[str, str] = field(default_factory=dict)
    """``para-N`` → why its text is gone (set by an editor); it lands where it was."""

    def as_yaml(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key in ("source", "title", "moved_to"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.anchors:
            data["anchors"] = dict(sorted(self.anchors.items(), key=lambda kv: anchor_number(kv[0])))
        if self.retired:
            data["retired"] = dict(sorted(self.retired.items(), key=lambda kv: anchor_number(kv[0])))
        return data


@dataclass(slots=True)
class Manifest:
    pages: dict[str, PageEntry] = field(default_factory=dict)


@pure
def anchor_number(anchor: str) -> int:
    m = ANCHOR_RE.match(anchor)
    return int(m.group(1)) if m else 0


def load_manifest(path: Path) -> Manifest:
    """Read and validate ``permalinks.yml`` (missing file: nothing published yet)."""
    if not path.exists():
        return Manifest()
    data, root = load_yaml(path)
    p = Problems(path)
    if data is None:
        return Manifest()
    if not isinstance(data, dict) or not isinstance(data.get("pages", {}), dict):
        p.add("pages", "Expected a mapping 'pages' of page path → what it pins", root)
        p.raise_if_any()
    for unknown in sorted(set(data) - {"pages"}):
        p.add(unknown, "Unrecognised key (expected 'pages')", child_node(root, unknown))
    pnode = child_node(root, "pages")
    pages: dict[str, PageEntry] = {}
    for page, fields in (data.get("pages") or {}).items():
        node = child_node(pnode, page)
        key = f"pages.{page}"
        if not isinstance(page, str) or not page.endswith(".md"):
            p.add(key, "Expected a docs-relative Markdown path ending in '.md'", node)
            continue
        fields = fields or {}
        if not isinstance(fields, dict):
            p.add(key, f"Expected a mapping, but got {type(fields).__name__}", node)
            continue
        for unknown in sorted(set(fields) - set(PAGE_KEYS)):
            p.add(f"{key}.{unknown}", f"Unrecognised key (expected one of {', '.join(PAGE_KEYS)})",
                  child_node(node, unknown))
        entry = PageEntry()
        for name in ("source", "title", "moved_to"):
            value = fields.get(name, "")
            if not isinstance(value, str):
                p.add(f"{key}.{name}", f"Expected a string, but got {type(value).__name__}", child_node(node, name))
            else:
                setattr(entry, name, value)
        if entry.moved_to and not entry.moved_to.endswith(".md"):
            p.add(f"{key}.moved_to", "Expected a docs-relative Markdown path ending in '.md'",
                  child_node(node, "moved_to"))
        for name in ("anchors", "retired"):
            value = fields.get(name) or {}
            if not isinstance(value, dict):
                p.add(f"{key}.{name}", "Expected a mapping of para-N → text", child_node(node, name))
                continue
            for anchor, text in value.items():
                if not isinstance(anchor, str) or not ANCHOR_RE.match(anchor):
                    p.add(f"{key}.{name}.{anchor}", "Expected an anchor like 'para-12'", child_node(node, name))
                elif not isinstance(text, str):
                    p.add(f"{key}.{name}.{anchor}", f"Expected a string, but got {type(text).__name__}",
                          child_node(child_node(node, name), anchor))
                else:
                    getattr(entry, name)[anchor] = text
        pages[page] = entry
    p.raise_if_any()
    return Manifest(pages)


def dump_manifest(manifest: Manifest, memo: dict[str, tuple[PageEntry, str]] | None = None) -> str:
    """The manifest as YAML, pages sorted, under the explanatory header: what ``yaml.dump`` writes,
    page by page (PyYAML's representer took a second and hundreds of megabytes for a large site's
    manifest at once; ``yaml_text`` writes the usual entries itself). ``memo`` (page → a copy of
    its entry and its lines, kept by a long-lived process between builds): a page whose entry is
    the same is not written again (the same lines: they depend on the page and entry alone)."""
    if not manifest.pages:
        return HEADER + _dump({"pages": {}})
    if memo is None:
        return HEADER + "pages:\n" + "".join(_page_yaml(page, manifest.pages[page].as_yaml())
                                              for page in sorted(manifest.pages))
    return HEADER + "pages:\n" + "".join(_page_yaml_kept(page, manifest.pages[page], memo)
                                          for page in sorted(manifest.pages))


def _page_yaml_kept(page: str, entry: PageEntry, memo: dict[str, tuple[PageEntry, str]]) -> str:
    kept = memo.get(page)
    if kept is not None and kept[0] == entry:
        return kept[1]
    lines = _page_yaml(page, entry.as_yaml())
    memo[page] = (PageEntry(entry.source, entry.title, entry.moved_to, dict(entry.anchors), dict(entry.retired)),
                  lines)
    return lines


def as_read(manifest: Manifest) -> Manifest:
    """A copy of ``manifest`` as ``load_manifest`` reads its dump (``dump_manifest``): pages in
    sorted order, each page's anchors and retired anchors in number order (tests/test_serve.py)."""
    return Manifest({page: _entry_as_read(manifest.pages[page]) for page in sorted(manifest.pages)})


def _entry_as_read(entry: PageEntry) -> PageEntry:
    return PageEntry(entry.source, entry.title, entry.moved_to,
                     dict(sorted(entry.anchors.items(), key=lambda kv: anchor_number(kv[0]))),
                     dict(sorted(entry.retired.items(), key=lambda kv: anchor_number(kv[0]))))


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=yaml_text.SafeDumper, sort_keys=False, allow_unicode=True, width=100000)


def _page_yaml(page: str, entry: dict[str, Any]) -> str:
    """One page's lines under ``pages:``, as ``yaml.dump`` of the whole manifest writes them."""
    lines = _simple_page_yaml(page, entry)
    if lines is None:  # a value ``yaml_text`` cannot be sure of: PyYAML writes this page
        lines = _dump({"pages": {page: entry}}).split("\n", 1)[1]
    return lines


def _simple_page_yaml(page: str, entry: dict[str, Any]) -> str | None:
    if yaml_text.plain_key(page) is None:
        return None
    if not entry:
        return f"  {page}: {{}}\n"
    out = [f"  {page}:\n"]
    for name, value in entry.items():
        if yaml_text.plain_key(name) is None:
            return None
        if isinstance(value, dict):
            if not value:
                return None
            out.append(f"    {name}:\n")
            for sub, item in value.items():
                text = yaml_text.scalar(item)
                if text is None or yaml_text.plain_key(sub) is None:
                    return None
                out.append(f"      {sub}: {text}\n")
        else:
            text = yaml_text.scalar(value)
            if text is None:
                return None
            out.append(f"    {name}: {text}\n")
    return "".join(out)


class BrokenPermalinks(ConfigError):
    """Pages or anchors published before would break; the message lists each one."""
