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
import re

from ...document import Block, Removal
from ..state import BLOCK, LINE, CleanState, Line, rule
from ..text import markup as mk
from ..text.spans import shift

FRONT_MATTER_REASON = "front matter ({fields})"
SCRAPER_HEADER_REASON = "scraper header ({fields})"
THEMATIC_BREAK_REASON = "Markdown rule line (a thematic break)"
STRAY_EMPHASIS_REASON = "stray Markdown emphasis mark on a line of its own"
IMAGE_REASON = "image address (Markdown image; its description, if any, is kept as text)"
LINK_TITLE_REASON = "link tooltip (Markdown link title)"
IMAGE_TITLE_REASON = "image tooltip (an image title inside a sentence or repeating its description)"
HTML_TITLE_REASON = "tooltip (HTML title attribute; the text it is on is kept)"
ABBR_TITLE_REASON = "abbreviation's expansion (HTML abbr title; the abbreviation is kept)"
HTML_TEXT_REASON = "hidden text of an HTML tag (an aria-label, summary or label attribute)"
REFERENCE_REASON = "link reference definition (its address is on the links that use it)"
UNUSED_REFERENCE_REASON = "link reference definition that no link uses"
REFERENCE_LABEL_REASON = "link reference label (the link carries the address)"
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
      HTML_IMAGE_REASON, IN_PAGE_TOC_REASON, IMAGE_TITLE_REASON, HTML_TITLE_REASON, ABBR_TITLE_REASON,
      HTML_TEXT_REASON, REFERENCE_REASON, UNUSED_REFERENCE_REASON, REFERENCE_LABEL_REASON)
def source_markup(state: CleanState) -> None:
    """Take HTML and Markdown debris out of the lines: style sheets, head tags, CSS rules,
    anchor targets and labels (``[Block 3: #a1]``), comments and rule lines removed;
    ``<sup>3</sup>`` → ``³``; ``<a href>`` → a Markdown link; ``![alt](src)`` → ``alt``; ``> `` quote marks
    dropped; other
    tags stripped to their text; a Markdown-escaped paragraph number read (``2\\. We`` → ``2. We``).
    An image's title is kept after its description when the image is a line of its own (a caption:
    ``![Camp](c.jpg "Photo: UNHCR")`` → ``Camp (Photo: UNHCR)``); a tooltip, an abbreviation's
    expansion and a link reference definition go to the report, each with its reason."""
    lines = state.lines
    in_style = False
    images: list[int] = []
    references = _references(state, lines)
    linked: set[str] = set()
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
        text = _marks(state, text, ln.no)
        alone = ("<" in text or "](" in text) and _image_alone(text)
        text = _inline_markup(state, ln, text, alone, references, linked)
        if text != ln.text:
            if alone and text.strip():
                images.append(ln.no)  # the line was an image: its description is its caption
            ln.text = text.strip()
            if not ln.text and ln.no not in state.quote_lines:  # a quote's empty line parts its paragraphs
                ln.dropped = True
    _in_page_toc(state, lines)
    if images:
        state.image_lines = images


def _marks(state: CleanState, text: str, no: int) -> str:
    """Marks that are markup, not words: ``> `` quote marks, a Markdown-escaped paragraph number
    (``2\\. We``), HTML entities (``&amp;eacute;`` → é; escaped markup stays as written)."""
    if text[0] == ">" and mk.BLOCKQUOTE.match(text):
        text = mk.BLOCKQUOTE.sub("", text)  # a quotation: its words stay, its marks are markup
        state.quote_lines.add(no)
        state.count("markdown_quote_marks")
    if "\\" in text[:5] and mk.ESCAPED_NUMBER.match(text):
        text = mk.ESCAPED_NUMBER.sub(r"\1\2", text)  # the number is the text's own, not a list's
        state.count("markdown_escapes")
    if "&" in text and mk.ENTITY.search(text):
        text = mk.ENTITY.sub(lambda m: m.group(0) if m.group(0).lower() in mk.KEPT_ENTITIES
                             else html.unescape(m.group(0)), text)
        state.count("html_entities")
    return text


def _inline_markup(state: CleanState, ln: Line, text: str, alone: bool, references: dict[str, str],
                   linked: set[str]) -> str:
    """HTML fragments, reference-style links, images and link titles on one line, read."""
    if "<" in text:
        text = _html(state, ln, text, alone)
    if "][" in text and references:
        text = _reference_links(state, ln, text, references, linked)
    if "](" in text:
        text = _images(state, ln, text, alone)
    return text


def _css_context(lines: list[Line], idx: int) -> bool:
    """A CSS rule line: ``sel { prop: value }`` on one line, or ``sel {`` with declarations below."""
    text = lines[idx].text
    if text.endswith("}"):
        return ":" in text
    nxt = lines[idx + 1].text if idx + 1 < len(lines) else ""
    return bool(mk.CSS_DECLARATION.match(nxt))


def _html(state: CleanState, ln: Line, text: str, alone: bool = False) -> str:
    removed: list[str] = []
    heading = bool(mk.ATX.match(text))
    sups = len(mk.SUP.findall(text))
    if sups:  # the number becomes a note marker; the tags are reported
        text = mk.SUP.sub(lambda m: mk.superscript(m.group(1)), text)
        removed.extend(["<sup> </sup>"] * sups)
    for m in mk.ANCHOR_TARGET.finditer(text):
        state.removed.append(Removal(m.group(0), ANCHOR_REASON, "source_markup", ln.no))
    text = mk.ANCHOR_TARGET.sub("", text)
    for m in mk.COMMENT.finditer(text):
        state.removed.append(Removal(m.group(0), HTML_COMMENT_REASON, "source_markup", ln.no))
    text = mk.COMMENT.sub(" ", text)
    text = mk.HTML_LINK.sub(lambda m: _html_link(state, ln, m, removed), text)
    text = mk.HTML_IMAGE.sub(lambda m: _html_image(state, ln, m.group(0), alone), text)

    def strip(m) -> str:
        tag = _tag_attributes(state, ln, m.group(0))
        removed.append(tag)
        name = tag.lstrip("</").split(None, 1)[0].rstrip("/>").lower()
        if name == "br":  # a line break: in a heading it parts a title from its subtitle
            return BR if heading else " "
        if name == "figcaption" and not tag.startswith("</"):
            return CAPTION  # the caption of a figure follows the image's description
        return " " if name in ("p", "div", "li", "td", "th", "tr", "hr", "wbr", "figcaption") else ""

    text = mk.TAG.sub(strip, text)
    if removed:
        state.removed.append(Removal(" ".join(removed), TAG_REASON, "source_markup", ln.no))
        state.count("html_tags_removed", len(removed))
    return _breaks(" ".join(text.split())) if removed else text


BR, CAPTION = "\x00", "\x01"
"""Where a ``<br>`` parted a heading (``: `` between title and subtitle) or a ``<figcaption>``
began (`` — `` between an image's description and the figure's caption)."""


def _breaks(text: str) -> str:
    if BR not in text and CAPTION not in text:
        return text
    out, sep = "", ""
    for piece in re.split(f"([{BR}{CAPTION}])", text):
        if piece in (BR, CAPTION):
            sep = CAPTION if CAPTION in (sep, piece) else piece
            continue
        piece = piece.strip()
        if not piece:
            continue
        if out:
            out += " " if out[-1] in ".:;!?—–-" else " — " if sep == CAPTION or ":" in out + piece else ": "
        out, sep = out + piece, ""
    return out


def _tag_attributes(state: CleanState, ln: Line, tag: str) -> str:
    """The tag with its text-carrying attributes cut out (``<abbr title="…">`` → ``<abbr title="">``),
    their values reported each with its reason."""
    if "=" not in tag:
        return tag
    skeleton, found = mk.text_attributes(tag, ("title", "aria-label", "summary", "label"))
    for name, value in found:
        reason = HTML_TEXT_REASON if name != "title" else \
            ABBR_TITLE_REASON if skeleton[1:].lower().startswith("abbr") else HTML_TITLE_REASON
        state.removed.append(Removal(value, reason, "source_markup", ln.no))
    return skeleton


def _html_link(state: CleanState, ln: Line, m, removed: list[str]) -> str:
    """``<a href="u" title="t">text</a>`` → ``[text](u)``: the address is the link's, the tags
    (and a tooltip) go to the report."""
    href, label = m.group("href"), m.group("text").strip()
    opening = m.group(0)[:m.group(0).index(">") + 1]
    removed.append(_tag_attributes(state, ln, opening.replace(href, "", 1)) + " </a>")
    return f"[{label or href}]({href})"


def _image_alone(text: str) -> bool:
    """A line that is one image and nothing else (an HTML ``<img>`` or a Markdown ``![…](…)``), or
    one HTML figure (``<figure><img …><figcaption>…</figcaption></figure>``)."""
    if mk.FIGURE_LINE.match(text):
        return True
    return not (mk.HTML_IMAGE.sub("", text).strip() and mk.IMAGE.sub("", text).strip()) \
        and bool(mk.HTML_IMAGE.search(text) or mk.IMAGE.search(text))


def _html_image(state: CleanState, ln: Line, tag: str, alone: bool = False) -> str:
    """``<img src="f.png" alt="Figure 1: …">`` → its description (the tag reported), like a Markdown
    image. A tag that carries script (an ``on…`` handler, a ``javascript:`` address) is no
    converter's image: it stays the literal text it is, shown inert like any hostile markup."""
    if mk.SCRIPTED.search(tag):
        return tag
    alt, title = mk.attribute(tag, "alt").strip(), mk.attribute(tag, "title").strip()
    kept = _image_text(state, ln, alt, title, alone)
    shown = [name for name, value in (("alt", alt), ("title", title)) if value and value in kept]
    skeleton = mk.text_attributes(tag, tuple(shown))[0] if shown else tag
    skeleton = mk.text_attributes(skeleton, ("title",))[0] if title and "title" not in shown else skeleton
    state.removed.append(Removal(skeleton, HTML_IMAGE_REASON, "source_markup", ln.no))
    return f" {kept} " if kept else " "


def _image_text(state: CleanState, ln: Line, alt: str, title: str, alone: bool) -> str:
    """What an image leaves on the page: its description (alt text), and its title after it when
    the image is a line of its own (a caption: ``Camp near the border (Photo: UNHCR)``). A title
    that repeats the description, or on an image inside a sentence, is reported as a tooltip."""
    alt = alt if mk.meaningful_alt(alt) else ""
    title = title.strip()
    if title and (not alone or title.casefold() in alt.casefold()):
        state.removed.append(Removal(title, IMAGE_TITLE_REASON, "source_markup", ln.no))
        title = ""
    if alt and title:
        return f"{alt} ({title})"
    return alt or title


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


def _images(state: CleanState, ln: Line, text: str, alone: bool = False) -> str:
    def image(m) -> str:
        alt = m.group("alt").strip()
        kept = _image_text(state, ln, alt, mk.title_of(m), alone)
        address = m.group("src") if mk.meaningful_alt(alt) else f"![{alt}]({m.group('src')})"
        state.removed.append(Removal(address, IMAGE_REASON, "source_markup", ln.no))
        return kept

    text = mk.IMAGE.sub(image, text)

    def title(m) -> str:
        if mk.title_of(m).strip():
            state.removed.append(Removal(mk.title_of(m), LINK_TITLE_REASON, "source_markup", ln.no))
        return m.group(1) + ")"

    return mk.LINK_TITLE.sub(title, text)


def _references(state: CleanState, lines: list[Line]) -> dict[str, str]:
    """Link reference definitions (``[1]: https://example.org/r "Report"``) taken out of the
    text, each reported; their addresses by label, for the links that use them. A definition no
    link uses is taken only when its address looks like one (``[1]: See above`` is a note)."""
    if not any(ln.text.startswith("[") and "]:" in ln.text for ln in lines if not ln.dropped):
        return {}
    used = {(m.group("label") or m.group("text")).casefold()
            for ln in lines if not ln.dropped and "][" in ln.text for m in mk.REFERENCE_LINK.finditer(ln.text)}
    out: dict[str, str] = {}
    for ln in lines:
        m = mk.REFERENCE_DEFINITION.match(ln.text) if not ln.dropped and ln.text.startswith("[") else None
        if m is None:
            continue
        label, url, title = m.group("label").casefold(), m.group("url"), mk.title_of(m)
        if label in used and label not in out and url not in out.values():
            out[label] = url  # the address goes on the page with the first link that uses it
            state.remove(ln, REFERENCE_REASON, "source_markup")
            state.removed[-1] = Removal(f"[{m.group('label')}]: {title}".strip(), REFERENCE_REASON,
                                        "source_markup", ln.no)
        elif label in used:  # a second definition of a label, or of an address: reported whole
            out.setdefault(label, url)
            state.remove(ln, REFERENCE_REASON, "source_markup")
        elif mk.ADDRESS.match(url):
            state.remove(ln, UNUSED_REFERENCE_REASON, "source_markup")
    return out


def _reference_links(state: CleanState, ln: Line, text: str, references: dict[str, str], linked: set[str]) -> str:
    """``[the report][1]`` → ``[the report](address)`` once per definition, its label reported;
    a second link to the same address keeps only its text (the address is on the page once)."""
    def link(m) -> str:
        label = (m.group("label") or m.group("text")).casefold()
        if label not in references:
            return m.group(0)
        if m.group("label"):
            state.removed.append(Removal(f"[{m.group('label')}]", REFERENCE_LABEL_REASON, "source_markup", ln.no))
        url = references[label]
        if url in linked:
            return m.group("text")
        linked.add(url)
        return f"[{m.group('text')}]({url})"

    return mk.REFERENCE_LINK.sub(link, text)


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



_ATTRIBUTION = re.compile(r"^[—–―]\s*\w")
"""A quotation's attribution line: a dash, then who said it (``— Testimony 2022-061, man, 24``)."""


@rule(BLOCK)
def quotations(state: CleanState) -> None:
    """A paragraph made of a Markdown block quote's lines (``> "They took our phones …"`` /
    ``> — Testimony 2022-061``) is a quotation (label ``quote``, shown as one), whatever the
    heading or lead rules would make of it; an attribution line keeps its own line, and quoted
    lines kept apart as short lines make one quotation, a line each."""
    if not state.quote_lines:
        return
    by_no = {ln.no: ln for ln in state.lines}
    out: list[Block] = []
    for b in state.blocks:
        own = [by_no[no] for no in range(b.lines[0], b.lines[1] + 1)
               if no in by_no and not by_no[no].dropped and by_no[no].text]
        if b.kind != "paragraph" or b.label not in ("", "byline") or not own \
                or any(ln.no not in state.quote_lines for ln in own):
            out.append(b)  # (short quoted lines were kept apart as lines: they stay so)
            continue
        b.label = "quote"
        state.count("quotations")
        _attribution_apart(b, own)
        prev = out[-1] if out else None
        if prev is not None and prev.label == "quote" and prev.lines[1] + 1 == b.lines[0]:
            shift(b, len(prev.text) + 1)
            prev.text, prev.lines = f"{prev.text}\n{b.text}", (prev.lines[0], b.lines[1])
            prev.spans += b.spans
            continue
        out.append(b)
    state.blocks[:] = out


def _attribution_apart(b: Block, own: list[Line]) -> None:
    for ln in own[1:]:
        if _ATTRIBUTION.match(ln.text):
            at = b.text.find(" " + ln.text[:40])
            if at > 0:
                b.text = b.text[:at] + "\n" + b.text[at + 1:]  # one character for one: spans stay
