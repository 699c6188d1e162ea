"""Citing a document page: the citation box, paragraph permalinks, BibTeX and CSL-JSON.

- ``citation_block``: "Cite this document" with a suggested citation in APA and Chicago
  style, the permanent absolute URL (from ``site_url``), copy buttons and downloads.
- ``paragraph_marks``: around every paragraph and list item, the anchors of older
  versions of it (aliases, empty elements so old links still land) and the visible ¶
  permalink; clicking ¶ copies a citation with the paragraph number (``cite.js``).
- ``citation_files``: ``documents/<slug>.bib`` and ``documents/<slug>.csl.json``,
  generated beside the page.

Seed text (titles, organisations) only ever reaches the page escaped: as HTML text through
``element_text`` or inside attributes through ``_attr``. Pure.
"""

from __future__ import annotations

import json
from datetime import date as Date

from ..document import Block, Document
from ..enrich.metadata import document_symbol
from ..layout import page_of, url_of
from ..link import LinkedCorpus
from .markdown import attr, element_text, verbatim

APA, CHICAGO = "APA", "Chicago"
PARA = "%PARA%"
"""Stands for a paragraph number in the citation templates ``cite.js`` fills."""
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
BIB_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
                "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}


def _attr(text: str) -> str:
    """An attribute value Python-Markdown's inline patterns cannot read as code or an escape."""
    return attr(" ".join(text.split())).replace("\\", "&#92;").replace("`", "&#96;")


def permanent_url(doc: Document, corpus: LinkedCorpus) -> str:
    """The page's absolute URL from ``site_url`` (the page-relative URL when there is none)."""
    base = corpus.config.site_url
    return (base.rstrip("/") + "/" + url_of(doc.slug)) if base else url_of(doc.slug)


def _date_parts(iso: str | None) -> list[int]:
    parts: list[int] = []
    for piece in (iso or "").split("-")[:3]:
        if not piece.isdigit():
            break
        parts.append(int(piece))
    if len(parts) == 3:
        try:
            Date(*parts)
        except ValueError:
            parts = parts[:2]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        parts = parts[:1]
    return parts


def _apa_date(iso: str | None) -> str:
    """``(2017, August 31)``, ``(2013, October)``, ``(2013)``, or ``(n.d.)``."""
    p = _date_parts(iso)
    if not p:
        return "(n.d.)"
    if len(p) == 1:
        return f"({p[0]})"
    return f"({p[0]}, {MONTHS[p[1] - 1]}{f' {p[2]}' if len(p) > 2 else ''})"


def _chicago_date(iso: str | None) -> str:
    """``August 31, 2017``, ``October 2013``, ``2013``, or ``n.d.``."""
    p = _date_parts(iso)
    if not p:
        return "n.d."
    if len(p) == 1:
        return str(p[0])
    return f"{MONTHS[p[1] - 1]} {f'{p[2]}, ' if len(p) > 2 else ''}{p[0]}"


STOPS = (".", "?", "!")
"""What ends a citation element already: no full stop is added after it."""


def _stop(text: str) -> str:
    """The full stop to put after ``text``: none when it already ends in one (``Inc.``, ``n.d.``,
    a title ending in ``.``, ``?`` or ``!``), so no citation ever shows ``..`` or ``?.``."""
    return "" if text.rstrip().endswith(STOPS) else "."


def _end(text: str) -> str:
    """A sentence ending in exactly one full stop (``Org.`` stays ``Org.``)."""
    text = text.strip()
    return text + _stop(text)


def _before_comma(title: str) -> str:
    """A title followed by ``, para. N``: without its own final full stop (``Report.`` gives
    ``Report, para. 3``; an ellipsis, ``?`` and ``!`` stay)."""
    title = title.rstrip()
    return title[:-1] if title.endswith(".") and not title.endswith("..") else title


def _titled(title: str, para: int | str, e, *, italic: bool = False, symbol: str = "") -> str:
    """The title (in italics in HTML when ``italic``), the document's symbol in brackets after
    it (``(A/RES/80/9)``), the paragraph when there is one, and one full stop unless the title
    already ends the sentence."""
    where = f", para. {para}" if para else ""
    if symbol:
        title = _before_comma(title)
        shown = (f"<em>{e(title)}</em>" if italic else e(title)) + f" ({e(symbol)})"
        return f"{shown}{where}."
    title = _before_comma(title) if where else title.rstrip()
    shown = f"<em>{e(title)}</em>" if italic else e(title)
    return f"{shown}{where}{_stop(title + where)}"


def _parts(doc: Document, corpus: LinkedCorpus) -> tuple[str, str, str, str]:
    m = doc.meta
    return (m.organisation or "", m.title or doc.name,
            corpus.config.site_name or "", permanent_url(doc, corpus))


def _link(url: str) -> str:
    """An absolute URL as a link showing itself (a relative one as text), in HTML."""
    return f'<a href="{attr(url)}">{element_text(url)}</a>' if "://" in url else element_text(url)


def apa(doc: Document, corpus: LinkedCorpus, para: int | str = 0, *, as_html: bool = False) -> str:
    """APA 7: ``Org. (2017, August 31). Title. Site. URL`` (title in italics in HTML)."""
    org, title, site, url = _parts(doc, corpus)
    e = element_text if as_html else str
    titled = _titled(title, para, e, italic=as_html, symbol=document_symbol(doc.meta))
    head = f"{e(_end(org))} {_apa_date(doc.meta.date)}. {titled}" if org else \
        f"{titled} {_apa_date(doc.meta.date)}."
    tail = f" {e(_end(site))}" if site else ""
    link = url + (f"#para-{para}" if para else "")
    return f"{head}{tail} {_link(link) if as_html else link}"


def chicago(doc: Document, corpus: LinkedCorpus, para: int | str = 0, *, as_html: bool = False) -> str:
    """Chicago (bibliography): ``Org. "Title." Site, August 31, 2017. URL.``"""
    org, title, site, url = _parts(doc, corpus)
    e = element_text if as_html else str
    symbol = document_symbol(doc.meta)
    where = f", para. {para}" if para else ""
    quoted = f"“{_titled(title, para, e)}”" if not symbol else \
        f"“{e(_before_comma(title))}” ({e(symbol)}){where}."
    # the date comes last and may be "n.d.", which ends the sentence itself
    published = _end(", ".join(x for x in (e(site), _chicago_date(doc.meta.date)) if x))
    link = url + (f"#para-{para}" if para else "")
    return f"{e(_end(org)) + ' ' if org else ''}{quoted} {published} {_link(link) if as_html else link}{_stop(link)}"


def _copy_button(text: str, what: str) -> str:
    return (f'<button type="button" class="cite-copy md-button" data-copy="{_attr(text)}" '
            f'title="Copy the {what} to the clipboard" data-search-exclude>Copy</button>')


def citation_block(doc: Document, corpus: LinkedCorpus) -> list[str]:
    """Markdown lines of the "Cite this document" box: the APA citation on one visible line with a
    copy button, then every format in a collapsed ``details`` element, as raw HTML marked
    ``verbatim`` (what ``??? quote`` made of it, without Python-Markdown reading the box, a
    quarter of a document page's conversion time). Downloads are linked relative to the page's
    directory URL."""
    url = permanent_url(doc, corpus)
    slug = doc.slug
    # cite.js fills PARA with a paragraph's number to copy a citation of that paragraph.
    template = (f'<span class="cite-data" hidden data-cite-apa="{_attr(apa(doc, corpus, PARA))}" '
                f'data-cite-chicago="{_attr(chicago(doc, corpus, PARA))}"></span>')
    box = [
        f'<p class="cite-quick"><strong>Cite this document:</strong> {apa(doc, corpus, as_html=True)} '
        f'{_copy_button(apa(doc, corpus), "citation")}</p>',
        '<details class="quote">', "<summary>Cite this document: every format</summary>",
        f'<p class="cite-label"><strong>{APA}</strong> {_copy_button(apa(doc, corpus), "APA citation")}</p>',
        f'<p class="cite-text cite-apa">{apa(doc, corpus, as_html=True)}</p>',
        f'<p class="cite-label"><strong>{CHICAGO}</strong> '
        f'{_copy_button(chicago(doc, corpus), "Chicago citation")}</p>',
        f'<p class="cite-text cite-chicago">{chicago(doc, corpus, as_html=True)}</p>',
        f'<p class="cite-url"><strong>Permanent link:</strong> {_link(url)} {_copy_button(url, "permanent link")} '
        f"{template}</p>",
        '<p class="cite-downloads"><strong>Download:</strong> '
        f'<a download="{attr(slug)}.bib" href="../{attr(slug)}.bib">'
        f'BibTeX</a> · <a download="{attr(slug)}.csl.json" href="../{attr(slug)}.csl.json">CSL-JSON</a> · '
        "to cite one paragraph, use its ¶ link (clicking ¶ copies a citation with the paragraph number).</p>",
        "</details>",
    ]
    return [verbatim("\n".join(box)), ""]


def paragraph_marks(block: Block, labelled: bool = False) -> tuple[str, str, str]:
    """(before, after, attribute list) for a citable block's Markdown line (``labelled``: a list
    item that shows its own label, ``(a)``, ``b)``, so its bullet is hidden by ``site.css``).

    ``before`` holds one empty anchor element per alias (older anchors of this text);
    ``after`` is empty: the ¶ permalink is added to the HTML by ``hooks/para_links.py`` (as inline
    HTML here it was the slowest part of a page for Python-Markdown); the attribute list gives
    the block its anchor and number, which that hook reads.
    """
    if not block.anchor:
        return "", "", ""
    before = "".join(f'<a id="{_attr(a)}" class="para-alias"></a>' for a in block.aliases)
    return before, "", f'{{: #{block.anchor} .para{" .labelled" if labelled else ""} data-para="{block.para}" }}'


def bibtex(doc: Document, corpus: LinkedCorpus) -> str:
    """A BibTeX ``@misc`` entry (organisation as a corporate author, in double braces)."""
    org, title, site, url = _parts(doc, corpus)
    p = _date_parts(doc.meta.date)

    def esc(text: str) -> str:
        return "".join(_BIB_SPECIAL.get(ch, ch) for ch in " ".join(text.split()))

    fields = []
    if org:
        fields.append(("author", f"{{{esc(org)}}}"))
    fields.append(("title", f"{{{esc(title)}}}"))
    if p:
        fields.append(("year", str(p[0])))
    if len(p) > 1:
        fields.append(("month", BIB_MONTHS[p[1] - 1]))
    if doc.meta.date:
        fields.append(("date", esc(doc.meta.date)))
    if site:
        fields.append(("howpublished", esc(site)))
    if doc.meta.doc_type:
        fields.append(("type", esc(doc.meta.doc_type)))
    if document_symbol(doc.meta):
        fields.append(("number", esc(document_symbol(doc.meta))))
    fields.append(("url", url))
    body = ",\n".join(f"  {k:<12} = {v if k == 'month' else '{' + v + '}'}" for k, v in fields)
    return f"@misc{{{doc.slug},\n{body}\n}}\n"


def csl_json(doc: Document, corpus: LinkedCorpus) -> str:
    """The document as a one-item CSL-JSON list (what Zotero and citeproc read)."""
    org, title, site, url = _parts(doc, corpus)
    item: dict[str, object] = {"id": doc.slug, "type": "document", "title": title}
    if org:
        item["author"] = [{"literal": org}]
    p = _date_parts(doc.meta.date)
    if p:
        item["issued"] = {"date-parts": [p]}
    if site:
        item["publisher"] = site
    if doc.meta.doc_type:
        item["genre"] = doc.meta.doc_type
    if document_symbol(doc.meta):
        item["number"] = document_symbol(doc.meta)
    item["URL"] = url
    return json.dumps([item], indent=2, ensure_ascii=False) + "\n"


def citation_files(doc: Document, corpus: LinkedCorpus) -> dict[str, str]:
    """The downloads beside the page: ``documents/<slug>.bib`` and ``.csl.json``."""
    stem = page_of(doc.slug)[:-3]
    return {f"{stem}.bib": bibtex(doc, corpus), f"{stem}.csl.json": csl_json(doc, corpus)}


def alias_anchors(block: Block) -> str:
    """Empty anchor elements for the older anchors that now land on a block without a number
    (a heading, a letter part, a footnote that a paragraph of an earlier cleaning became)."""
    if block.citable or not block.aliases:
        return ""
    return "".join(f'<a id="{_attr(a)}" class="para-alias"></a>' for a in block.aliases)


def alias_lines(block: Block) -> list[str]:
    """``alias_anchors`` as a block of its own, placed just before the block."""
    anchors = alias_anchors(block)
    return [f'<div class="para-aliases">{anchors}</div>', ""] if anchors else []
