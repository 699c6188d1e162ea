"""Site furniture by function: what a web page carries around its text, recognised from its
shape and role, never from one site's wording.

* **site menus**: runs of short link-like lines (a few words, no final punctuation, no list
  number) before the first real paragraph or after the last, with evidence they belong to a
  site (links, menu/share/legal cue words, items repeated elsewhere on the page);
* **share bars**: short runs where every line is a share, print or social-network cue;
* **related links**: ``See also``/``Lire aussi``/``Ver también``/``Läs också`` … followed by
  link-like lines only;
* **consent notices and subscription prompts**: short paragraphs about cookies or a newsletter
  that address the reader;
* **footer legal lines**: ``©``, ``All rights reserved``, ``Tous droits réservés``, licence lines.

Content is kept: numbered items, sentences, and a run without evidence of a site. A run that
looks like a menu but lacks the evidence is kept with a warning. Every removal is reported
with its reason and its lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...document import Removal
from ..state import BLOCK, LINE, Chunk, CleanState, Line, rule
from ..text import web
from ..text.patterns import BRACKETED_LINE, DATE_AT_END, IMAGE_PLACEHOLDER, SENTENCE_END, breadcrumb

MENU_REASON = "site menu ({n} short link lines)"
SHARE_REASON = "share or social-network links ({n} lines)"
RELATED_REASON = "related links ({n} lines under a 'See also' heading)"
CONSENT_REASON = "cookie or consent notice"
SUBSCRIPTION_REASON = "subscription prompt"
LEGAL_REASON = "footer legal line (copyright, rights reserved or licence)"
BREADCRUMB_REASON = "breadcrumb trail"
TITLE_REPEAT_REASON = "page title repeated by the site header"
VERSION_PICKER_REASON = "version picker ({n} dated versions of the page)"
CONTENTS_REASON = "table of contents ({n} entries, each the start of a heading or title below)"
CALL_TO_ACTION_REASON = "call to action (a link label on a line of its own: 'Read more', a download)"
TAGS_REASON = ("tag list (the site's topic labels for the page, each a link to a topic page of that site; "
               "the page's themes play that part here)")
WIDGET_HINT_REASON = ("accessibility hint of a page widget (how to work a search box or menu with keys, touch "
                      "or a screen reader)")
TRAIL_LIST_REASON = "breadcrumb trail ({n} numbered links from the site's home down to the page)"
FEEDBACK_REASON = "feedback form ({n} lines: a question to the reader about the page, its answers and fields)"

MENU_MIN = 6
"""Short link-like lines a run needs to be a menu."""
MENU_EVIDENCE = 2
"""Lines of the run that show it belongs to a site (a link, a cue word, an item repeated)."""
SHARE_MIN = 3
TITLE_LINES = 2
"""Paragraphs of short lines kept between a site header's menu and the first paragraph (a title, a heading)."""
NAV_WORDS = 8
"""A menu item has at most this many words (a linked one twice as many)."""
COLUMN_MIN = 3
"""Short link-like lines at the start of a chunk that stay items of their own (a menu written
without blank lines above a notice) rather than the start of a wrapped paragraph."""


@dataclass(slots=True)
class _Unit:
    chunk: Chunk
    line: Line
    text: str
    link: bool
    href: str
    heading: bool
    nav: bool = False
    sentence: bool = False
    cue: str = ""
    evidence: bool = False
    """A link, a cue word or a breadcrumb, or an item repeated on the page."""
    strong: bool = False
    """A link, a cue word or a breadcrumb: evidence of its own."""
    words: list[str] = field(init=False)
    """``web.words(text)``, found once: every kind of furniture asks for them."""
    n_words: int = field(init=False)

    def __post_init__(self) -> None:
        self.words = web.words(self.text)
        self.n_words = len(self.words)


@rule(BLOCK, MENU_REASON, SHARE_REASON, RELATED_REASON, CONSENT_REASON, SUBSCRIPTION_REASON, LEGAL_REASON,
      BREADCRUMB_REASON, TITLE_REPEAT_REASON, FEEDBACK_REASON, VERSION_PICKER_REASON, CALL_TO_ACTION_REASON,
      CONTENTS_REASON, WIDGET_HINT_REASON, TRAIL_LIST_REASON)
def site_furniture(state: CleanState) -> None:
    """Drop a web page's site menus, share bars, related-link lists, consent notices,
    subscription prompts, feedback forms, version pickers, breadcrumbs (also as a numbered list),
    widgets' accessibility hints, calls to action and footer legal lines, each with its reason.
    ``Home⏎About⏎News⏎Contact⏎…`` above the first paragraph → ``site menu (14 short link lines)``."""
    units = _units(state)
    if len(units) < 2:
        return
    _classify(state, units)
    gone: dict[int, str] = {}  # index → reason
    _consent(units, gone)
    _widget_hints(units, gone)
    _trail_lists(units, gone)
    _legal(units, gone)
    _share_bars(units, gone)
    _related(units, gone)
    _calls_to_action(units, gone)
    _feedback(units, gone)
    _version_picker(units, gone)
    _top(state, units, gone)
    _bottom(units, gone)
    _contents(units, gone)
    _apply(state, units, gone)


# ----------------------------------------------------------------------------- units

def _units(state: CleanState) -> list[_Unit]:
    """Every line of a plain chunk, and every one-line heading a rule already made, in order."""
    out: list[_Unit] = []
    for chunk in state.chunks:
        if chunk.done is None:
            for ln in chunk.lines:
                if ln.text and not ln.dropped:
                    text, link, href = web.visible(ln.text)
                    out.append(_Unit(chunk, ln, text, link, href, False))
        elif len(chunk.done) == 1 and chunk.done[0].kind == "heading" and len(chunk.lines) == 1:
            text, link, href = web.visible(chunk.done[0].text)
            out.append(_Unit(chunk, chunk.lines[0], text, link, href, True))
    return out


def _classify(state: CleanState, units: list[_Unit]) -> None:
    seen: dict[str, int] = {}
    for u in units:
        text = u.text
        ws = u.words
        n = len(ws)
        ends = SENTENCE_END.search(text) and not text.endswith("…") and not (text.endswith("?") and n <= NAV_WORDS)
        caps = sum(w[:1].isupper() or w[:1].isdigit() for w in ws)
        lower_start = text[:1].islower()
        u.cue = web.cue(text) or ("share" if web.social_line(text) else "")
        u.nav = bool(ws) and not ends and not web.numbered(u.line.text) and not lower_start \
            and not web.DOT_LEADER.search(text) \
            and (n <= NAV_WORDS or (u.link and n <= 2 * NAV_WORDS) or (n <= 2 * NAV_WORDS and caps * 2 > n)) \
            and not text.endswith(",")
        u.sentence = not u.nav and not u.link and ((web.full_stop(text) and n >= 5) or n >= 30
                                                   or (text.endswith("…") and n >= 12)
                                                   or (n >= 20 and caps * 2 <= n))
        if u.nav:
            key = text.casefold()
            seen[key] = seen.get(key, 0) + 1
    _paragraphs(units)
    for u in units:
        local_link = u.link and u.href.startswith("#")
        u.strong = u.evidence = bool(u.cue) or (u.link and not local_link) or (u.nav and breadcrumb(u.text)) \
            or (u.nav and web.starts_with_cue(u.text))
    for u in units:
        if u.nav and seen.get(u.text.casefold(), 0) >= 2 and u.n_words >= 1:
            u.evidence = True


def _paragraphs(units: list[_Unit]) -> None:
    """The lines of a chunk that is a wrapped paragraph (not a column of short items) are one
    paragraph: none of them is a menu item, and all of them are a sentence when it is one."""
    chunks: dict[int, list[_Unit]] = {}
    for u in units:
        chunks.setdefault(id(u.chunk), []).append(u)
    for group in chunks.values():
        column = 0
        while column < len(group) and (group[column].nav or group[column].link):
            column += 1
        if column >= COLUMN_MIN:
            group = group[column:]  # a column of short items written right above the paragraph
        if len(group) < 2 or all(u.nav or u.link for u in group):
            continue
        text = " ".join(u.text for u in group)
        n = sum(u.n_words for u in group)  # (no word spans the space between two lines: the words of ``text``)
        sentence = (web.full_stop(text) and n >= 5) or n >= 30
        for u in group:
            u.nav = u.nav and (u.link or bool(web.list_item(u.line.text)))
            u.sentence = u.sentence or (sentence and not u.nav)


# ----------------------------------------------------------------------------- kinds of furniture

def _consent(units: list[_Unit], gone: dict[int, str]) -> None:
    """A short paragraph about cookies (anywhere) or a newsletter (outside the text) that addresses the reader.
    Only its own lines: a menu or breadcrumb written just above it without a blank line is
    left to the menu rules, so each line gets the reason of what it is."""
    chunks: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        chunks.setdefault(id(u.chunk), []).append(i)
    for idx in chunks.values():
        n = sum(units[i].n_words for i in idx)  # (the words of ``text``: none spans the space between two lines)
        if n > 70:
            continue
        text = " ".join(units[i].text for i in idx)
        consent = bool(web.CONSENT_TOPIC.search(text))
        if not consent and not (n <= 40 and web.SUBSCRIPTION_TOPIC.search(text)):
            continue  # about neither (asked first: the topics are rarer than the reader's words)
        if not web.CONSENT_ACTION.search(text) and not (n <= 12 and not SENTENCE_END.search(text)):
            continue
        if consent:
            for i in _notice_lines(units, idx, web.CONSENT_TOPIC):
                gone[i] = CONSENT_REASON
        elif n <= 40 and web.SUBSCRIPTION_TOPIC.search(text):
            for i in _notice_lines(units, idx, web.SUBSCRIPTION_TOPIC):
                units[i].sentence = False
                units[i].evidence = True
                gone.setdefault(i, "?" + SUBSCRIPTION_REASON)  # only in the furniture at top or bottom


def _notice_lines(units: list[_Unit], idx: list[int], topic: re.Pattern[str]) -> list[int]:
    """The lines of a notice in its chunk: from the first line naming its topic (or the wrapped
    paragraph it starts in) through the short lines after it (its buttons and field labels),
    up to a line of other furniture (a cue, a copyright line)."""
    first = next(k for k, i in enumerate(idx) if topic.search(units[idx[k]].text) or k == len(idx) - 1)
    while first > 0 and units[idx[first]].text[:1].islower():
        first -= 1  # the notice's paragraph began on an earlier line
    last = first
    while last + 1 < len(idx) and _notice_tail(units[idx[last + 1]], topic):
        last += 1
    return idx[first:last + 1]


def _notice_tail(u: _Unit, topic: re.Pattern[str]) -> bool:
    """A line that goes on a notice: its topic again, a sentence, or a short button or field label."""
    if u.cue or u.link or web.COPYRIGHT.search(u.text) or breadcrumb(u.text):
        return False
    return bool(topic.search(u.text)) or u.sentence or u.n_words <= 4


def _widget_hints(units: list[_Unit], gone: dict[int, str]) -> None:
    """A paragraph that tells how to work a widget (``When search suggestions are available use
    up and down arrows to review and enter to select.``, ``Utilisez les flèches haut et bas …``):
    the hidden help text of a search box or menu, saved with the page's text."""
    chunks: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        chunks.setdefault(id(u.chunk), []).append(i)
    for idx in chunks.values():
        if sum(units[i].n_words for i in idx) > web.HINT_WORDS:  # (the words of the text: none spans two lines)
            continue  # too long for a hint, as ``widget_hint`` would find
        if any(i in gone for i in idx) or not web.widget_hint(" ".join(units[i].text for i in idx)):
            continue
        for i in idx:
            gone[i] = WIDGET_HINT_REASON
            units[i].sentence = False
            units[i].evidence = True


def _trail_lists(units: list[_Unit], gone: dict[int, str]) -> None:
    """A breadcrumb written as a numbered list of links (``1. [Home](/)⏎2. [Visas](/visas)⏎3.
    [Family](/visas/family)``): numbered from 1 without a gap, every item only a link, the first
    going to the site's home (a menu cue) or each link one step deeper than the one before."""
    i = 0
    while i < len(units):
        j = i
        items = []
        while j < len(units) and units[j].chunk is units[i].chunk and j not in gone:
            item = web.numbered_link(units[j].line.text)
            if item is None or item[0] != len(items) + 1:
                break
            items.append(item)
            j += 1
        home = bool(items) and web.cue(items[0][1]) == "nav"
        deeper = all(web.deeper_path(a[2], b[2]) for a, b in zip(items, items[1:]))
        if len(items) >= 2 and (home or deeper):
            for k in range(i, j):
                gone[k] = TRAIL_LIST_REASON.format(n=len(items))
                units[k].sentence = False
                units[k].evidence = units[k].strong = True
        i = max(j, i + 1)


def _legal(units: list[_Unit], gone: dict[int, str]) -> None:
    """``©``, ``(c) 2024``, ``All rights reserved``, a licence line: short lines in the last part of the page."""
    start = max(0, len(units) - max(12, len(units) // 5))
    for i in range(start, len(units)):
        u = units[i]
        if i not in gone and u.n_words <= 25 and web.COPYRIGHT.search(u.text) \
                and not IMAGE_PLACEHOLDER.match(u.line.text):  # a photo credit in an image's description
            gone[i] = LEGAL_REASON
            u.sentence = False
            u.evidence = True
            if i + 1 < len(units) and units[i + 1].nav and u.n_words <= 2:
                gone[i + 1] = LEGAL_REASON  # ``©`` alone, the holder on the next line


def _content(units: list[_Unit], i: int, gone: dict[int, str]) -> bool:
    """A real paragraph: a sentence not already taken out, and not a one-line instruction
    between two menu items (``Use the arrows to choose`` between ``Search`` and ``Search``),
    and not a long item without a full stop amid menu items."""
    u = units[i]
    if not u.sentence or (i in gone and not gone[i].startswith("?")):
        return False
    inside = 0 < i < len(units) - 1
    bridge = inside and u.n_words <= 30 and all(units[k].nav and units[k].strong for k in (i - 1, i + 1))
    near = [units[k] for k in (i - 2, i - 1, i + 1, i + 2) if 0 <= k < len(units)]
    long_item = inside and not web.full_stop(u.text) and not any(n.sentence for n in near) \
        and sum(n.nav for n in near) >= 2
    return not (bridge or long_item)


def _top(state: CleanState, units: list[_Unit], gone: dict[int, str]) -> None:
    """The site header: the lines before the first real paragraph, when they hold a menu."""
    title = units[0].text.casefold() if units[0].heading else ""
    end = 0
    while end < len(units) and not (_content(units, end, gone) and units[end].text.casefold() != title
                                    and not (gone.get(end, "").startswith("?"))):
        end += 1
    zone = range(0, end)
    nav = [i for i in zone if units[i].nav]
    evidence = [i for i in zone if units[i].evidence]
    strong = [i for i in zone if units[i].strong]
    if len(nav) < MENU_MIN or len(evidence) < MENU_EVIDENCE or not strong:
        if len(nav) >= MENU_MIN and evidence:
            state.warnings.append(f"{len(nav)} short lines above the first paragraph (line {units[0].line.no}) "
                                  "look like a site menu but show too little evidence of one; kept as text")
        _settle(units, zone, gone)
        return
    last = strong[-1]
    j = last + 1
    # A breadcrumb trail ends the site's header: its last step is this page, and what follows is
    # the page's own title block, however short its lines.
    while not breadcrumb(units[last].text) and j < end and units[j].nav:
        j += 1
    tail = list(range(last + 1, j))  # short lines after the last sure menu item
    if j < end:
        last = j - 1  # they run into something else (the title): they belong to the header
    else:  # they run into the text: the last ones are the page's title and a heading
        chunks: list[int] = []
        for i in tail:
            if i in gone:
                continue
            if not chunks or units[i].chunk is not units[chunks[-1]].chunk:
                chunks.append(i)
        if len(chunks) > TITLE_LINES:
            last = chunks[-TITLE_LINES] - 1
    first = 0 if units[0].strong else 1  # the first line is the page's title unless it is a link or a cue
    run = [i for i in range(first, last + 1) if (i not in gone or gone[i].startswith("?"))
           and not web.FIELD_VALUE.search(units[i].text) and not web.dated(units[i].text)
           and (units[i].nav or units[i].strong or units[i].n_words <= 6)]
    n = sum(units[i].nav for i in run)
    for i in run:
        if title and units[i].text.casefold() == title:
            gone[i] = TITLE_REPEAT_REASON
        elif breadcrumb(units[i].text) and not units[i].link:
            gone[i] = BREADCRUMB_REASON
        elif not gone.get(i, "").startswith("?"):  # a prompt in the header keeps its own reason (_settle)
            gone[i] = MENU_REASON.format(n=n)
    _settle(units, zone, gone)


def _bottom(units: list[_Unit], gone: dict[int, str]) -> None:
    """The site footer: the lines after the last real paragraph, when they hold a menu."""
    start = len(units)
    while start > 0 and not _content(units, start - 1, gone):
        start -= 1
    zone = range(start, len(units))
    nav = [i for i in zone if units[i].nav]
    evidence = [i for i in zone if units[i].evidence]
    if len(nav) >= MENU_MIN and len(evidence) >= MENU_EVIDENCE and any(units[i].strong for i in zone):
        first = evidence[0]
        labelled = _labelled(units)
        run = [i for i in range(first, len(units)) if i not in gone and not web.dated(units[i].text)
               and i not in labelled]
        n = sum(units[i].nav for i in run)
        for i in run:
            gone[i] = MENU_REASON.format(n=n)  # a prompt in the footer keeps its own reason (_settle)
    _settle(units, zone, gone)


LABEL_WORDS = 3
"""Words of a label that introduces the lines under it (``Pressekontakt:``, ``Contact us:``)."""


def _labelled(units: list[_Unit]) -> set[int]:
    """The lines of a block introduced by a label ending in a colon (``Pressekontakt:`` over an
    address, a phone number and an e-mail, in its chunk or in the chunk right after it): the
    document's own details, not a site's menu, which has no such label."""
    out: set[int] = set()
    for i, u in enumerate(units):
        text = u.text.strip()
        if not text.endswith(":") or not 0 < u.n_words <= LABEL_WORDS or u.cue or u.heading:
            continue
        block = u.chunk
        if i + 1 < len(units) and all(v.chunk is not block for v in units[i + 1:i + 2]) \
                and all(v.chunk is not block for v in units[max(0, i - 1):i]):
            block = units[i + 1].chunk  # the label alone in its chunk: it introduces the next one
        out.update(k for k in range(i + 1, len(units)) if units[k].chunk is block
                   and not units[k].cue and not web.COPYRIGHT.search(units[k].text))
    return out


def _settle(units: list[_Unit], zone: range, gone: dict[int, str]) -> None:
    """A subscription prompt in the furniture at the top or bottom is removed."""
    for i in zone:
        if gone.get(i, "").startswith("?"):
            gone[i] = gone[i][1:]


def _share_bars(units: list[_Unit], gone: dict[int, str]) -> None:
    """Runs of share/print/social-network lines anywhere (``Print⏎Share⏎Facebook⏎X``), two
    lines holding more items than that (``Share this⏎Facebook  X  Email  Print``), or a line of the
    site's accounts (``Follow us on X @RefugeeRightsUK | Instagram @rrn``)."""
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and units[j].cue == "share" and j not in gone:
            j += 1
        if j - i >= SHARE_MIN or (j - i >= 2 and sum(web.items(units[k].text) for k in range(i, j)) > SHARE_MIN) \
                or (j > i and all(web.social_line(units[k].text) for k in range(i, j))):
            for k in range(i, j):
                gone[k] = SHARE_REASON.format(n=j - i)
        i = max(j, i + 1)


def _related(units: list[_Unit], gone: dict[int, str]) -> None:
    """``See also`` (or another related-links cue) and the link-like lines after it, up to the
    next sentence or heading, or the end of the page."""
    for i, u in enumerate(units):
        if i in gone or not web.related_heading(u.text):
            continue
        j = i + 1
        while j < len(units) and (j in gone or _related_item(units[j])):
            j += 1
        items = [k for k in range(i + 1, j) if k not in gone]
        links = sum(units[k].link for k in items)
        at_end = j == len(units) or all(k in gone for k in range(j, len(units)))
        enough = len(items) >= 2 or (at_end and items and links == len(items))
        linky = at_end or links * 2 >= len(items) or all(units[k].nav for k in items)
        if enough and linky and not any(web.numbered(units[k].line.text) for k in items):
            for k in [i, *items]:
                gone[k] = RELATED_REASON.format(n=len(items))


def _calls_to_action(units: list[_Unit], gone: dict[int, str]) -> None:
    """A link label alone between paragraphs: a related-links cue with no list under it
    (``Read more``, ``Saiba mais``, ``Weiterlesen``), or a download link that names a file type or
    size (``Descarregar o relatório (PDF, 4,2 MB)``, ``Download the report [PDF 300 KB]``).
    The document's text is elsewhere; the label only pointed to it."""
    for i, u in enumerate(units):
        if i in gone or u.sentence or len([v for v in units if v.chunk is u.chunk]) != 1:
            continue
        if web.related_heading(u.text) or web.download_link(u.text):
            gone[i] = CALL_TO_ACTION_REASON
            u.heading = False


CONTENTS_MIN = 5
"""Entries a list needs to be taken for the page's own table of contents."""


def _contents(units: list[_Unit], gone: dict[int, str]) -> None:
    """A run of short lines (``CAPÍTULO I``, ``Artículo 1``, ``Artículo 2`` …), most of which
    start a line further down (``Artículo 1. Objeto.``), is the page's table of contents,
    printed before the text it lists; the site's own table of contents replaces it. An entry in
    brackets at either end of the run (``[Preámbulo]``) goes with it."""
    # The titles below: lines that stand alone in their block (a heading, not a line of prose).
    starts = [u.text.casefold() if u.heading or sum(1 for ln in u.chunk.lines if ln.text) == 1
              or (u.nav and not u.sentence) else "" for u in units]
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and j not in gone and units[j].n_words <= NAV_WORDS and not units[j].sentence:
            j += 1
        if j - i >= CONTENTS_MIN:
            listed = [k for k in range(i, j) if _listed_below(units[k].text.casefold(), starts, j)]
            if len(listed) >= CONTENTS_MIN and len(listed) * 5 >= (listed[-1] - listed[0] + 1) * 4:
                first, last = listed[0], listed[-1]
                first -= first > i and bool(BRACKETED_LINE.match(units[first - 1].text))
                last += last + 1 < j and bool(BRACKETED_LINE.match(units[last + 1].text))
                for k in range(first, last + 1):
                    gone[k] = CONTENTS_REASON.format(n=len(listed))
        i = max(j, i + 1)


def _listed_below(entry: str, starts: list[str], after: int) -> bool:
    """``entry`` starts a line after the run: the line itself or the line and more (``Artículo 1.
    Objeto.``), never a longer number (``Artículo 10`` does not list ``Artículo 1``)."""
    for text in starts[after:]:
        if text and text.startswith(entry) and (len(text) == len(entry) or not text[len(entry)].isalnum()):
            return True
    return False


def _related_item(u: _Unit) -> bool:
    """A line of a related-links list: a link, or a short line that is no sentence and no other
    furniture (an article's headline runs longer than a menu item, up to twice as long)."""
    if u.heading or u.sentence or u.cue or web.full_stop(u.text) or web.numbered(u.line.text):
        return False
    return u.nav or u.link or u.n_words <= 2 * NAV_WORDS


FEEDBACK_QUESTION_WORDS = 10
"""A feedback question is short: ``Is this page useful?``, ``¿Le ha resultado útil esta información?``."""
FEEDBACK_FIELD_WORDS = 40
"""The form's other lines (thanks, field labels, a privacy hint, buttons) are short too."""
FEEDBACK_SPAN = 20
"""Lines a feedback form may run over after its answers."""


def _feedback(units: list[_Unit], gone: dict[int, str]) -> None:
    """A short question to the reader followed by two or more yes/no answer lines
    (``Is this page useful?⏎Yes⏎No``, ``Cette page vous a-t-elle été utile ?⏎Oui⏎Non``), and,
    when only short lines follow it up to the end of the page or the footer's link list, those
    lines too (the form's thanks, field labels and buttons: ``What went wrong?``, ``Send``)."""
    for i, u in enumerate(units):
        if i in gone or not _feedback_question(u):
            continue
        answers = [k for k in range(i + 1, min(len(units), i + 5)) if web.answer(units[k].text)]
        if len(answers) < 2 or any(web.numbered(units[k].line.text) for k in answers):
            continue
        end = answers[-1] + 1
        form = end
        while form < len(units) and form - end < FEEDBACK_SPAN and form not in gone and _form_line(units, form):
            form += 1
        if form == len(units) or form in gone or _link_run(units, form):
            end = form  # nothing but the form up to the footer: all of it goes
        span = [k for k in range(i, end) if k not in gone]
        for k in span:
            gone[k] = FEEDBACK_REASON.format(n=len(span))
            units[k].sentence = False


def _feedback_question(u: _Unit) -> bool:
    n = u.n_words
    return u.text.rstrip().endswith("?") and 0 < n <= FEEDBACK_QUESTION_WORDS and not web.numbered(u.line.text)


def _form_line(units: list[_Unit], k: int) -> bool:
    """A line of a form: a field label or button (a few words, no full stop), a question, or
    a short sentence addressed to the reader (``Don't include your passport number.``); never
    a list number or the start of the footer's links."""
    u = units[k]
    n = u.n_words
    if n > FEEDBACK_FIELD_WORDS or web.numbered(u.line.text) or _link_run(units, k):
        return False
    return (n <= NAV_WORDS and not web.full_stop(u.text)) or u.text.rstrip().endswith("?") \
        or bool(web.CONSENT_ACTION.search(u.text) or web.READER_REQUEST.search(u.text))


def _link_run(units: list[_Unit], k: int) -> bool:
    """``k`` starts the footer's list of links: it or the line after it is a whole-line link."""
    return any(units[j].link for j in (k, k + 1) if j < len(units))


PICKER_MIN = 4
"""Dated lines a version picker needs."""


def _version_picker(units: list[_Unit], gone: dict[int, str]) -> None:
    """A run of short lines that each end with a date and mostly repeat one wording around it
    (``Modified on 04/08/2012⏎Modified on 24/04/2012⏎Original text of 28/02/2007``) is the list
    of a page's versions to choose from, with its label (``Select version:``) when one is just
    above. A chronology (different wording on each line) is content and is kept."""
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and j not in gone and _dated_item(units[j]):
            j += 1
        if j - i >= PICKER_MIN and _one_wording(units[i:j]):
            start = i - 1 if i and (i - 1) not in gone and _picker_label(units[i - 1]) else i
            for k in range(start, j):
                gone[k] = VERSION_PICKER_REASON.format(n=j - i)
                units[k].sentence = False
        i = max(j, i + 1)


_DIGIT_AT_END = re.compile(r"\d\W{0,3}$")
"""What every ``DATE_AT_END`` match ends with: a digit, at most three other marks (and a line
end). It is looked for in a line's last five characters first, so the slow date pattern runs
only on the few lines that can match it."""


def _dated_item(u: _Unit) -> bool:
    return u.n_words <= NAV_WORDS and bool(_DIGIT_AT_END.search(u.text[-5:])) \
        and bool(DATE_AT_END.search(u.text)) and not web.numbered(u.line.text)


def _one_wording(run: list[_Unit]) -> bool:
    """Most lines of the run say the same thing but for their date."""
    wordings = [DATE_AT_END.sub("", u.text).strip().casefold() for u in run]
    shared = sum(wordings.count(w) >= 2 for w in wordings)
    return shared * 2 >= len(run)


def _picker_label(u: _Unit) -> bool:
    return u.text.rstrip().endswith(":") and u.n_words <= 4


# ----------------------------------------------------------------------------- removal

def _apply(state: CleanState, units: list[_Unit], gone: dict[int, str]) -> None:
    by_chunk: dict[int, Chunk] = {}
    for i, reason in sorted(gone.items()):
        if reason.startswith("?"):
            continue
        u = units[i]
        state.remove(u.line, reason, "site_furniture")
        by_chunk[id(u.chunk)] = u.chunk
    if not by_chunk:
        return
    out: list[Chunk] = []
    for chunk in state.chunks:
        if id(chunk) not in by_chunk:
            out.append(chunk)
            continue
        if chunk.done is not None or all(ln.dropped or not ln.text for ln in chunk.lines):
            chunk.done = []
            out.append(chunk)
            continue
        # Split the chunk where lines were taken out, so what is left is not joined across them.
        parts: list[list[Line]] = [[]]
        for ln in chunk.lines:
            if ln.dropped:
                if parts[-1]:
                    parts.append([])
            else:
                parts[-1].append(ln)
        parts = [p for p in parts if p]
        for k, p in enumerate(parts):
            piece = Chunk(p)
            if k == len(parts) - 1:
                piece.after = chunk.after
            out.append(piece)
    state.chunks[:] = out


TOGGLE_REASON = "button label of a collapsible section (after {n} section titles)"
_TOGGLE = re.compile(r"(?<=\w),\s+(?P<label>[^\W\d_]{2,12})$")
TOGGLE_MIN = 3
"""Section titles that must end with the same label for it to be a page's button, not a word."""


@rule(LINE, TOGGLE_REASON)
def toggle_labels(state: CleanState) -> None:
    """A page whose section titles all end with the same word after a comma (``Definition of a
    stateless person, Show``) carries the label of the button that opens each section: it is
    cut from every title, and a short line that starts with it (``Show all sections``) goes too."""
    found: dict[str, list[Line]] = {}
    lines = state.lines
    for i, ln in enumerate(lines):
        m = _TOGGLE.search(ln.text) if ln.text and not ln.dropped and "," in ln.text else None
        if m and m.group("label")[0].isupper() and len(web.words(ln.text)) >= 3 \
                and not SENTENCE_END.search(ln.text[:m.start()]) and _alone(lines, i):
            found.setdefault(m.group("label"), []).append(ln)
    for label, lines in found.items():
        if len(lines) < TOGGLE_MIN:
            continue
        reason = TOGGLE_REASON.format(n=len(lines))
        for ln in lines:
            cut_at = ln.text.rindex(",")
            state.removed.append(Removal(ln.text[cut_at:].strip(", "), reason, "toggle_labels", ln.no))
            ln.text = ln.text[:cut_at].rstrip()
        for ln in state.lines:
            if ln.text and not ln.dropped and ln.text.split()[0] == label and len(web.words(ln.text)) <= 4 \
                    and not SENTENCE_END.search(ln.text):
                state.remove(ln, reason, "toggle_labels")


def _alone(lines: list[Line], i: int) -> bool:
    """The line is a title on its own: a blank (or removed) line above it, and below it a blank
    line or a rule line that underlines it."""
    above = i == 0 or not lines[i - 1].text or lines[i - 1].dropped
    below = i + 1 >= len(lines) or not lines[i + 1].text or lines[i + 1].dropped \
        or set(lines[i + 1].text) <= set("-=")
    return above and below


# ----------------------------------------------------------------------------- tag lists

PROSE_WORDS = 12
"""A chunk of this many words or more that ends a sentence is the page's text: a tag list follows it."""


@rule(BLOCK, TAGS_REASON)
def tag_lists(state: CleanState) -> None:
    """Drop the tag list at the end of a web page, after its last paragraph: a tag label
    (``Tags:``, ``Etiquetas:``, ``Schlagwörter:``, ``Mots-clés :``, ``Taggar:`` …) followed by short
    terms, comma- or line-separated. On the site it came from each tag links to a page of that
    site; here it would be a stray line of unlinked words, and the page's themes do its work.
    Its terms stay in the report. ``Etiquetas: imigração, integração, estatísticas`` → removed."""
    chunks = [c for c in state.chunks if c.done is None]
    for i, chunk in enumerate(chunks):
        lines = [ln.text for ln in chunk.lines if not ln.dropped and ln.text]
        below = chunks[i + 1] if i + 1 < len(chunks) else None
        terms = web.tag_terms(lines)
        if terms is None and len(lines) == 1 and below is not None and lines[0].rstrip().endswith(":"):
            terms = web.tag_terms(lines + [ln.text for ln in below.lines if not ln.dropped and ln.text])
            taken = [chunk, below] if terms is not None else []
        else:
            taken = [chunk]
        if terms is None or any(_prose(c) for c in chunks[i + len(taken):]):
            continue
        for c in taken:
            state.remove_chunk(c, TAGS_REASON, "tag_lists")
        return


def _prose(chunk: Chunk) -> bool:
    text = chunk.text
    return len(text.split()) >= PROSE_WORDS and bool(SENTENCE_END.search(text))
