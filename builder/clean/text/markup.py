"""Patterns for markup a source carries (YAML front matter, scraper header fields, Markdown
headings and images, HTML fragments): plain functions over strings, no rule imports.
"""

from __future__ import annotations

import html
import re

import yaml

FENCE = re.compile(r"^(?:---|\+\+\+)\s*$")
FENCE_END = re.compile(r"^(?:---|\.\.\.|\+\+\+)\s*$")
_YAML_LINE = re.compile(r"^(?:[\w][\w .()/-]{0,40}:(?:\s|$)|\s+\S|-\s|#)")
"""A line of a YAML mapping: ``key: value``, an indented continuation, a list item, a comment."""

FIELD_LINE = re.compile(r"^(?P<deco>[-=#*>]{2,}\s*|\*\*)?(?P<key>[A-Za-z][\w ()/.-]{0,40}?)(?:\*\*)?:(?:\*\*)?\s+"
                        r"(?P<value>\S.*)$")
"""``Title: …``, ``URL Source: …``, ``----- Title according to index: …`` at the top of a scrape."""
SCRAPE_KEYS = frozenset({"url", "url source", "source url", "source", "fetched", "fetched (utc)", "scraped",
                         "scraped at", "scraped_at", "http status", "published time", "retrieved", "crawled",
                         "captured", "archived", "permalink", "canonical", "link"})
"""Keys only a scraper or a converter writes at the top of a file."""
FIELD_KEYS = frozenset({"title", "date", "author", "authors", "by", "language", "lang", "description", "theme",
                        "topic", "category", "tags", "pages", "publisher", "organisation", "organization",
                        "site", "site name", "section", "type", "id", "assigned", "missing pages", "byline",
                        "published", "updated", "modified", "created", "excerpt", "summary"} | SCRAPE_KEYS)
CONTENT_LABEL = re.compile(r"^(?:markdown content|content|text|body)\s*:\s*$", re.IGNORECASE)
"""``Markdown Content:``: the label a scraper puts between its header and the page."""
URL_VALUE = re.compile(r"^(?:https?://|www\.|/[\w%-]+/)\S*$")

ATX = re.compile(r"^(?P<hashes>#{1,6})(?:[ \t]+(?P<text>\S.*?)|(?P<tight>(?<=##)[^\s#].*?))(?:[ \t]+#+)?\s*$")
"""``## 2. Scope``, ``###Section 4`` (no space: two or more hashes only, ``#tag`` is not a heading)."""
BLOCKQUOTE = re.compile(r"^(?:>[ \t]?)+(?=$|[^\W\d_]|[\"“‘'«—–(*_\[])")
"""The ``> `` marks of a Markdown block quote (``> "They took our phones"``, ``>> nested``); not
``> 65 years``, a comparison."""
THEMATIC_BREAK = re.compile(r"^(?:-{3}|\*{3}|_{3}|(?:-\s){2}-|(?:\*\s){2}\*)$")

_TITLE = r"(?:\"(?P<dq>[^\"\n]*)\"|'(?P<sq>[^'\n]*)'|\((?P<pq>[^()\n]*)\))"
"""A Markdown link or image title in any of its three forms: ``"…"``, ``'…'``, ``(…)``."""
IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]{0,300})\]\((?P<src>[^)\s]*)(?:\s+" + _TITLE + r")?\s*\)")
"""``![alt](src "title")``: the alt text describes the image, the title is its tooltip (often a credit)."""
LINK_TITLE = re.compile(r"(\[[^\]\n]{1,300}\]\([^)\s]*)\s+" + _TITLE + r"\s*\)")
"""``[text](url "title")``: the title is a tooltip, not text of the page."""
REFERENCE_DEFINITION = re.compile(r"^\[(?P<label>[^\]\n]{1,100})\]:[ \t]*<?(?P<url>[^\s<>]+)>?"
                                  r"(?:[ \t]+" + _TITLE + r")?[ \t]*$")
"""``[1]: https://example.org/report "Annual report"``: a link reference definition, the address
(and tooltip) of every ``[text][1]`` in the text."""
REFERENCE_LINK = re.compile(r"(?<![\]!])\[(?P<text>[^\[\]\n]{1,300})\]\[(?P<label>[^\[\]\n]{0,100})\]")
"""``[the report][1]`` (full) and ``[the report][]`` (collapsed): a link whose address is defined
on a line of its own."""
ADDRESS = re.compile(r"^(?:https?://|www\.|mailto:|/|#|\.\.?/)|^[\w.-]+\.[a-z]{2,6}(?:/\S*)?$", re.IGNORECASE)
"""What a reference definition's address looks like when no link in the text uses it."""


def title_of(m: re.Match) -> str:
    """The title a Markdown link or image match carries (``""`` when none)."""
    return next((g for g in (m.group("dq"), m.group("sq"), m.group("pq")) if g is not None), "")
_FILENAME = re.compile(r"^[\w.-]+\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?)$|^(?:image|img|photo|picture|logo|icon|"
                       r"banner)\s*\d*$", re.IGNORECASE)

# HTML fragments.
STYLE_OPEN = re.compile(r"<style\b[^>]*>", re.IGNORECASE)
STYLE_CLOSE = re.compile(r"</style\s*>", re.IGNORECASE)
META_TAG = re.compile(r"^(?:<(?:meta|link|base)\b[^<>]*>\s*)+$", re.IGNORECASE)
CSS_RULE = re.compile(r"^(?:@media[^{]*\{|[.#@]?[A-Za-z][\w-]*(?:[ \t]*[.#:>+~,][ \t]*[\w.#:-]+)*[ \t]*\{"
                      r"(?:[^{}]*:[^{}]*)?\}?)\s*$")
"""``.note { color: red }``, ``p.small {``, ``@media print {`` (a CSS rule, or its first line)."""
CSS_DECLARATION = re.compile(r"^[a-z-]{2,40}\s*:\s*[^;{}]{1,80};\s*\}?$|^\}$")
SUP = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>", re.IGNORECASE)
ESCAPED_NUMBER = re.compile(r"^(\d{1,3})\\([.)])(?=\s)")
"""A number at a line start that a Markdown converter escaped so it is not a list item: ``2\\. I would``."""
ANCHOR_LABEL = re.compile(r"^[*_]{0,2}\[(?:[^\[\]#\n]{0,60}[:\s])?#[\w.:-]{1,80}\][*_]{0,2}$")
"""A scraper's marker of an in-page target on a line of its own: ``[Block 3: #a1]``, ``[#section-2]``."""
ANCHOR_TARGET = re.compile(r"<a\s+(?:id|name)\s*=\s*[\"']?[^\"'<>\s]*[\"']?\s*/?>\s*(?:</a>)?", re.IGNORECASE)
HTML_LINK = re.compile(r"<a\s[^<>]*?href\s*=\s*[\"'](?P<href>[^\"'<>]+)[\"'][^<>]*>(?P<text>[^<>]{0,300})</a>",
                       re.IGNORECASE)
DEFINITION = re.compile(r"^:[ \t]{1,4}(\S.*)$")
"""The definition line of a Markdown definition list (``:   BGBl I: 1993, 1074`` under its term)."""
SCRIPTED = re.compile(r"\bon[a-z]{2,20}\s*=|javascript:|<\s*script", re.IGNORECASE)
"""What makes a tag hostile rather than a converter's: an event handler, a script address."""
HTML_IMAGE = re.compile(r"<img\b[^<>]{0,600}?/?>", re.IGNORECASE)
FIGURE_LINE = re.compile(r"^<figure\b[^<>]*>.*</figure>$", re.IGNORECASE)
"""A line that is one HTML figure: an image and its caption."""
_ATTRIBUTE = r"\b{name}\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s\"'<>]+))"


TEXT_ATTRIBUTES = ("title", "alt", "aria-label", "summary", "label")
"""HTML attributes whose value is text a reader may see (a tooltip, a description), not an address."""


def text_attributes(tag: str, names: tuple[str, ...] = TEXT_ATTRIBUTES) -> tuple[str, list[tuple[str, str]]]:
    """The tag with the values of its text-carrying attributes cut out, and those (name, value)
    pairs: ``<abbr title="Iota Kappa">`` → (``<abbr title="">``, [("title", "Iota Kappa")])."""
    found: list[tuple[str, str]] = []

    def cut(m: re.Match) -> str:
        value = next(g for g in m.groups()[1:] if g is not None)
        if value.strip():
            found.append((m.group("name").lower(), html.unescape(value)))
        return f'{m.group("name")}=""'

    pattern = r"\b(?P<name>" + "|".join(re.escape(n) for n in names) + r")\s*=\s*" \
              r"(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s\"'<>]+))"
    return re.sub(pattern, cut, tag, flags=re.IGNORECASE), found


def attribute(tag: str, name: str) -> str:
    """The value of attribute ``name`` in an HTML tag (``alt="Figure 1: …"`` → ``Figure 1: …``), or ``""``."""
    m = re.search(_ATTRIBUTE.format(name=name), tag, re.IGNORECASE)
    return html.unescape(next(g for g in m.groups() if g is not None)) if m else ""


LOCAL_LINK = re.compile(r"\[(?P<text>[^\]\n]{1,120})\]\(#[\w.:-]{1,80}\)")
"""A Markdown link to an anchor of the same page (``[Legal framework](#legal)``)."""
_LINK_SEPARATORS = re.compile(r"^[\s|·•/,;–—-]*$")


def local_links_only(text: str) -> int:
    """How many in-page links a line is made of (``[Intro](#intro) | [Law](#law)`` → 2; 0 when
    anything but links and separators is on it)."""
    t = text.strip().lstrip("-*+•").strip()
    links = LOCAL_LINK.findall(t)
    return len(links) if links and _LINK_SEPARATORS.match(LOCAL_LINK.sub("", t)) else 0


TAG = re.compile(r"</?(?:a|abbr|b|big|blockquote|body|br|center|cite|code|dd|del|div|dl|dt|em|font|h[1-6]|hr|"
                 r"i|ins|kbd|li|mark|nav|ol|p|pre|q|s|section|small|span|strike|strong|sub|sup|table|"
                 r"tbody|td|th|thead|tr|tt|u|ul|article|header|footer|main|aside|figure|figcaption|label|wbr)"
                 r"\b[^<>]{0,400}?/?>", re.IGNORECASE)
ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
KEPT_ENTITIES = frozenset({"&lt;", "&gt;", "&amp;", "&quot;", "&#60;", "&#62;", "&#38;", "&#x3c;", "&#x3e;"})
"""Escaped markup stays as written: decoding it would turn text into a tag."""
COMMENT = re.compile(r"<!--.*?-->")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(digits: str) -> str:
    return digits.translate(_SUPERSCRIPT)


_FLAT_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]{0,40}):[ \t]+(?P<value>\S.*?)\s*$")


def parse_yaml(lines: list[str]) -> dict[str, object] | None:
    """The mapping ``lines`` hold (``yaml.safe_load``: never executes anything), or ``None``.
    A flat list of ``key: value`` lines whose values hold a colon (``part: Rules: part 14``,
    which YAML refuses) is read line by line, each value as a string."""
    try:
        data = yaml.safe_load("\n".join(lines))
    except yaml.YAMLError:
        texts = [ln for ln in lines if ln.strip()]
        flat = [_FLAT_FIELD.match(ln) for ln in texts]
        if texts and all(flat):
            return {m.group("key"): m.group("value") for m in flat if m}
        return None
    return data if isinstance(data, dict) and data else None


def yaml_like(lines: list[str]) -> bool:
    texts = [ln for ln in lines if ln.strip()]
    return bool(texts) and ":" in texts[0] and all(_YAML_LINE.match(ln) for ln in texts)


def field_key(key: str) -> str:
    """``URL Source`` → ``url source``; ``Title according to index`` → ``title``."""
    k = " ".join(key.lower().replace("_", " ").split())
    if k in FIELD_KEYS:
        return k
    first = k.split()[0] if k else ""
    return first if first in FIELD_KEYS else ""


def meaningful_alt(alt: str) -> bool:
    alt = alt.strip()
    return bool(alt) and not _FILENAME.match(alt)


_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def plain_value(value: object) -> object:
    """A front-matter value as data the cache can hold (str, int, float, bool, lists, dicts); a
    text written with HTML entities (a scraper copies a page's ``<title>`` as HTML: ``Asylum &gt;
    Reception``) is the text they stand for (``Asylum > Reception``), escaped once where shown."""
    if isinstance(value, str):
        return html.unescape(value) if _ENTITY.search(value) else value
    if isinstance(value, (int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): plain_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [plain_value(v) for v in value]
    return str(value)
