"""Markup the source carries is read, never shown: YAML front matter and a scraper's header
fields (→ ``state.front_matter``, read by the metadata stage), Markdown headings
(``## 2. Scope``, ``###Section 4`` → headings of that level), Markdown images (the alt text
kept, the address reported), and HTML fragments (``<sup>3</sup>`` → a note marker,
``<a href>`` → a link, ``<style>``, ``<meta>``, CSS rule lines and anchor targets removed,
other tags stripped to their text). Every removal is reported with its reason; a front
matter that does not parse is kept as text, with a warning.
"""

from __future__ import annotations

import html

from ...document import Block, Removal
from ..state import BLOCK, LINE, CleanState, Line, rule
from ..text import markup as mk

FRONT_MATTER_REASON = "front matter ({fields})"
SCRAPER_HEADER_REASON = "scraper header ({fields})"
THEMATIC_BREAK_REASON = "Markdown rule line (a thematic break)"
STRAY_EMPHASIS_REASON = "stray Markdown emphasis mark on a line of its own"
IMAGE_REASON = "image address (Markdown image; its description, if any, is kept as text)"
LINK_TITLE_REASON = "link tooltip (Markdown link title)"
STYLE_REASON = "HTML style sheet"
META_REASON = "HTML head tag (meta/link)"
CSS_REASON = "CSS rule line"
ANCHOR_REASON = "HTML anchor target"
ANCHOR_LABEL_REASON = "in-page anchor label (a scraper's marker of a link target)"
TAG_REASON = "HTML tags (their text is kept)"
HTML_IMAGE_REASON = "HTML image tag (its description, if any, is kept as text)"
IN_PAGE_TOC_REASON = "in-page table of contents (links to the page's own sections)"
HTML_COMMENT_REASON = "HTML comment"

TOP_LINES = 60
"""How far from the top front matter and a scraper's header may reach."""


def _raw(state: CleanState) -> list[str]:
    return state.source.text.split("\n")


@rule(LINE, FRONT_MATTER_REASON, SCRAPER_HEADER_REASON)
def front_matter(state: CleanState) -> None:
    """Read YAML front matter and scraper header fields at the top into
    ``state.front_matter`` and take them out of the text.
    ``---⏎title: X⏎date: 2020-01-02⏎---`` → fields title, date."""
    lines = state.lines
    fields: dict[str, object] = {}
    i = _skip_blank(lines, 0)
    if i < len(lines) and mk.FENCE.match(lines[i].text) and not lines[i].dropped:
        end = next((j for j in range(i + 1, min(len(lines), i + TOP_LINES)) if mk.FENCE_END.match(lines[j].text)),
                   None)
        if end is not None and end > i + 1:
            raw = _raw(state)[lines[i].no:lines[end].no - 1]
            data = mk.parse_yaml(raw) if mk.yaml_like(raw) else None
            if data is None:
                if mk.yaml_like(raw):
                    state.warnings.append(f"front matter (lines {lines[i].no}-{lines[end].no}) does not parse as "
                                          "YAML; it is kept as text")
            else:
                data = {str(k): mk.plain_value(v) for k, v in data.items()}
                fields.update(data)
                reason = FRONT_MATTER_REASON.format(fields=", ".join(data)[:200])
                for ln in lines[i:end + 1]:
                    if ln.text:
                        state.remove(ln, reason, "front_matter")
                    ln.dropped = True
                i = _skip_blank(lines, end + 1)
    fields.update(_scraper_header(state, i))
    if fields:
        state.front_matter = fields
        state.count("front_matter_fields", len(fields))


def _skip_blank(lines: list[Line], i: int) -> int:
    while i < len(lines) and (not lines[i].text or lines[i].dropped):
        i += 1
    return i


def _scraper_header(state: CleanState, i: int) -> dict[str, object]:
    """``Title: …``/``URL Source: …``/``Fetched (UTC): …`` lines at the top (after a
    ``# heading`` at most), ended by ``---`` or ``Markdown Content:``. Taken only when one
    field is a scraper's own (an address, a fetch time) or every line carries the same
    decoration (``----- Title: …``); a memo's ``Date:``/``To:`` head is left alone."""
    lines = state.lines
    start = i
    if i < len(lines) and mk.ATX.match(lines[i].text) and not _field(lines[i].text.lstrip("# ")):
        # The page title a converter wrote first stays, even with a colon in it
        # (``# Questions: Online services``), unless it is itself a field line.
        i = _skip_blank(lines, i + 1)
    run: list[tuple[Line, str, str]] = []
    decos: set[str] = set()
    ends: list[Line] = []
    while i < len(lines) and lines[i].no <= TOP_LINES + (lines[start].no if start < len(lines) else 0):
        ln = lines[i]
        m = mk.FIELD_LINE.match(ln.text)
        key = mk.field_key(m.group("key")) if m else ""
        if m and key:
            run.append((ln, key, m.group("value").strip().strip("*").strip()))
            decos.add((m.group("deco") or "").strip())
            i = _skip_blank(lines, i + 1)
            continue
        if run and (mk.CONTENT_LABEL.match(ln.text) or mk.THEMATIC_BREAK.match(ln.text)):
            ends.append(ln)
        break
    if len(run) < 2 and not (run and ends):
        return {}
    scrape = any(key in mk.SCRAPE_KEYS or mk.URL_VALUE.match(value) for _, key, value in run)
    decorated = len(decos) == 1 and "" not in decos
    if not (scrape or decorated):
        return {}
    fields: dict[str, object] = {}
    for _, key, value in run:
        fields.setdefault(key.replace(" ", "_"), mk.plain_value(value))
    reason = SCRAPER_HEADER_REASON.format(fields=", ".join(fields)[:200])
    for ln, _, _ in run:
        state.remove(ln, reason, "front_matter")
    for ln in ends:
        state.remove(ln, reason, "front_matter")
    return fields


def _field(text: str) -> bool:
    """``Title: X``, ``URL Source: …``: a line whose key is one a scraper or converter writes."""
    m = mk.FIELD_LINE.match(text)
    return bool(m and mk.field_key(m.group("key")))


@rule(LINE, THEMATIC_BREAK_REASON, STRAY_EMPHASIS_REASON, IMAGE_REASON, LINK_TITLE_REASON, STYLE_REASON,
      META_REASON, CSS_REASON, ANCHOR_REASON, ANCHOR_LABEL_REASON, TAG_REASON, HTML_COMMENT_REASON,
      HTML_IMAGE_REASON, IN_PAGE_TOC_REASON)
def source_markup(state: CleanState) -> None:
    """Take HTML and Markdown debris out of the lines: style sheets, head tags, CSS rules,
    anchor targets and labels (``[Block 3: #a1]``), comments and rule lines removed;
    ``<sup>3</sup>`` → ``³``; ``<a href>`` → a Markdown link; ``![alt](src)`` → ``alt``; other
    tags stripped to their text; a Markdown-escaped paragraph number read (``2\\. We`` → ``2. We``)."""
    lines = state.lines
    in_style = False
    images: list[int] = []
    for idx, ln in enumerate(lines):
        text = ln.text
        if ln.dropped or not text:
            continue
        if in_style or mk.STYLE_OPEN.search(text):
            in_style = not mk.STYLE_CLOSE.search(text)
            state.remove(ln, STYLE_REASON, "source_markup")
            continue
        if mk.THEMATIC_BREAK.match(text):
            state.remove(ln, THEMATIC_BREAK_REASON, "source_markup")
            continue
        if text in ("_", "*", "__", "**"):  # an emphasis a converter opened or closed alone
            state.remove(ln, STRAY_EMPHASIS_REASON, "source_markup")
            continue
        if mk.META_TAG.match(text):
            state.remove(ln, META_REASON, "source_markup")
            continue
        if "#" in text and mk.ANCHOR_LABEL.match(text):
            state.remove(ln, ANCHOR_LABEL_REASON, "source_markup")
            continue
        if "{" in text and mk.CSS_RULE.match(text) and _css_context(lines, idx):
            state.remove(ln, CSS_REASON, "source_markup")
            j = idx + 1
            while "}" not in text and j < len(lines) and mk.CSS_DECLARATION.match(lines[j].text):
                text = lines[j].text
                state.remove(lines[j], CSS_REASON, "source_markup")
                j += 1
            continue
        if "\\" in text[:5] and mk.ESCAPED_NUMBER.match(text):
            text = mk.ESCAPED_NUMBER.sub(r"\1\2", text)  # the number is the text's own, not a list's
            state.count("markdown_escapes")
        if "&" in text and mk.ENTITY.search(text):
            text = mk.ENTITY.sub(lambda m: m.group(0) if m.group(0).lower() in mk.KEPT_ENTITIES
                                 else html.unescape(m.group(0)), text)
            state.count("html_entities")
        if "<" in text:
            text = _html(state, ln, text)
        if "](" in text:
            text = _images(state, ln, text)
        if text != ln.text:
            if ("<" in ln.text or "](" in ln.text) and _image_alone(ln.text) and text.strip():
                images.append(ln.no)  # the line was an image: its description is its caption
            ln.text = text.strip()
            if not ln.text:
                ln.dropped = True
    _in_page_toc(state, lines)
    if images:
        state.image_lines = images


def _css_context(lines: list[Line], idx: int) -> bool:
    """A CSS rule line: ``sel { prop: value }`` on one line, or ``sel {`` with declarations below."""
    text = lines[idx].text
    if text.endswith("}"):
        return ":" in text
    nxt = lines[idx + 1].text if idx + 1 < len(lines) else ""
    return bool(mk.CSS_DECLARATION.match(nxt))


def _html(state: CleanState, ln: Line, text: str) -> str:
    removed: list[str] = []
    text = mk.SUP.sub(lambda m: mk.superscript(m.group(1)), text)
    for m in mk.ANCHOR_TARGET.finditer(text):
        state.removed.append(Removal(m.group(0), ANCHOR_REASON, "source_markup", ln.no))
    text = mk.ANCHOR_TARGET.sub("", text)
    for m in mk.COMMENT.finditer(text):
        state.removed.append(Removal(m.group(0), HTML_COMMENT_REASON, "source_markup", ln.no))
    text = mk.COMMENT.sub(" ", text)
    text = mk.HTML_LINK.sub(lambda m: f"[{m.group('text').strip() or m.group('href')}]({m.group('href')})", text)
    text = mk.HTML_IMAGE.sub(lambda m: _html_image(state, ln, m.group(0)), text)

    def strip(m) -> str:
        removed.append(m.group(0))
        name = m.group(0).lstrip("</").split(None, 1)[0].rstrip("/>").lower()
        return " " if name in ("br", "p", "div", "li", "td", "th", "tr", "hr", "wbr") else ""

    text = mk.TAG.sub(strip, text)
    if removed:
        state.removed.append(Removal(" ".join(removed), TAG_REASON, "source_markup", ln.no))
        state.count("html_tags_removed", len(removed))
    return " ".join(text.split()) if removed else text


def _image_alone(text: str) -> bool:
    """A line that is one image and nothing else (an HTML ``<img>`` or a Markdown ``![…](…)``)."""
    return not (mk.HTML_IMAGE.sub("", text).strip() and mk.IMAGE.sub("", text).strip()) \
        and bool(mk.HTML_IMAGE.search(text) or mk.IMAGE.search(text))


def _html_image(state: CleanState, ln: Line, tag: str) -> str:
    """``<img src="f.png" alt="Figure 1: …">`` → its description (the tag reported), like a Markdown
    image. A tag that carries script (an ``on…`` handler, a ``javascript:`` address) is no
    converter's image: it stays the literal text it is, shown inert like any hostile markup."""
    if mk.SCRIPTED.search(tag):
        return tag
    alt = mk.attribute(tag, "alt").strip()
    state.removed.append(Removal(tag, HTML_IMAGE_REASON, "source_markup", ln.no))
    return f" {alt} " if mk.meaningful_alt(alt) else " "


def _in_page_toc(state: CleanState, lines: list[Line]) -> None:
    """A line of two or more links to the page's own anchors (``[Introduction](#intro) |
    [Legal framework](#legal)``), or a run of lines that are each one such link: a converter's
    in-page table of contents, which the page's own table of contents replaces."""
    live = [ln for ln in lines if not ln.dropped and ln.text]
    counts = [mk.local_links_only(ln.text) if "](#" in ln.text else 0 for ln in live]
    for k, ln in enumerate(live):
        run = counts[k] >= 2 or (counts[k] == 1 and any(0 <= j < len(live) and counts[j] for j in (k - 1, k + 1)))
        if run:
            state.remove(ln, IN_PAGE_TOC_REASON, "source_markup")


def _images(state: CleanState, ln: Line, text: str) -> str:
    def image(m) -> str:
        alt = m.group("alt").strip()
        state.removed.append(Removal(m.group(0) if not mk.meaningful_alt(alt) else m.group("src") or m.group(0),
                                     IMAGE_REASON, "source_markup", ln.no))
        return alt if mk.meaningful_alt(alt) else ""

    text = mk.IMAGE.sub(image, text)

    def title(m) -> str:
        state.removed.append(Removal(m.group(2).strip("\"'"), LINK_TITLE_REASON, "source_markup", ln.no))
        return m.group(1) + ")"

    return mk.LINK_TITLE.sub(title, text)


@rule(BLOCK)
def markdown_headings(state: CleanState) -> None:
    """A Markdown heading line (``## 2. Scope``, ``###Section 4``) becomes a heading block of
    its own, without the hashes."""
    levels: dict[int, int] = {}
    out = []
    for chunk in state.chunks:
        if chunk.done is not None or not any(mk.ATX.match(ln.text) for ln in chunk.lines):
            out.append(chunk)
            continue
        rest: list[Line] = []
        for ln in chunk.lines:
            m = mk.ATX.match(ln.text)
            if not m:
                rest.append(ln)
                continue
            if rest:
                out.append(type(chunk)(rest))
                rest = []
            text = (m.group("text") or m.group("tight") or "").strip()
            levels[ln.no] = len(m.group("hashes"))
            out.append(type(chunk)([ln], done=[Block("heading", text, level=0, lines=(ln.no, ln.no))]))
            state.count("markdown_headings")
        if rest:
            part = type(chunk)(rest)
            part.after = chunk.after
            out.append(part)
        elif chunk.after:
            out[-1].after = chunk.after
    state.chunks[:] = out
    if levels:
        state.markdown_levels = levels


@rule(BLOCK)
def heading_levels(state: CleanState) -> None:
    """Markdown headings keep the level their hashes gave (``###`` → level 3), the first
    ``#`` heading before the text being the title; whatever the heading rules guessed."""
    levels = state.markdown_levels
    if not levels:
        return
    first = next((b for b in state.blocks if levels.get(b.lines[0]) == 1 and b.lines[0] == b.lines[1]
                  and b.kind in ("heading", "paragraph")), None)
    if first is not None and any(b.kind in ("paragraph", "list_item") and b.label not in ("kicker", "byline", "lead")
                                 for b in state.blocks[:state.blocks.index(first)]):
        first = None  # a ``#`` line after the text has begun is a section heading, not the title
    if first is not None:  # the first ``#`` heading is the title, whatever was guessed above it
        for b in state.blocks:
            if b.kind == "heading" and b.level == 1 and b is not first:
                b.level = 2
        first.kind, first.level, first.label = "heading", 1, ""
    title_seen = any(b.kind == "heading" and b.level == 1 for b in state.blocks)
    for b in state.blocks:
        if b is first:
            continue
        hashes = levels.get(b.lines[0])
        if hashes is None or b.lines[0] != b.lines[1]:
            continue
        if b.kind != "heading" and b.kind == "paragraph" and b.label in ("lead", ""):
            b.kind, b.label = "heading", ""
        if b.kind != "heading":
            continue
        if b.level == 1 and not title_seen:
            title_seen = True
            continue
        b.level = min(6, max(2, hashes))
