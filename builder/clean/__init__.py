"""Stage 2, clean: ``Source`` → ``CleanDocument`` with cleaned ``Block``s.

Takes the decoded text of one seed and returns its blocks (headings, paragraphs, list
items, admonitions, footnotes, letter parts) as plain text with spans, plus every line it
removed or moved, with the reason. Pure: no I/O. Rules work from the shape of the text
(line lengths, leading and trailing spaces, punctuation, capitals, numbering, glyphs,
blank lines, repetition) and generic vocabulary, never from one document's wording.

Cleaning runs as named rules over a shared ``CleanState``, the way Python-Markdown's
registries do (``registry``): line rules work on the source lines before they are grouped,
block rules on chunks and blocks, document rules on the whole document. The levels run in
that order, each level's rules from the highest priority to the lowest
(``build_rules(disabled=[...])`` switches rules off by name). Each rule is a function in a
module of ``rules/`` declared with ``@rule(level, *reasons)``, the reasons it writes into the
build report; ``state`` and ``text/`` hold what the rules share, below every rule:

====================  ========  ========  ===========  ==========================================
rule                  level     priority  module       what it does
====================  ========  ========  ===========  ==========================================
``normalise``         line      100       normalise    record leading/trailing spaces; find PDF columns
``front_matter``      line      98        markup       YAML front matter, scraper header fields → metadata
``source_markup``     line      97        markup       HTML tags, CSS, Markdown images and rules out
``page_markers``      line      96        debris       converters' page markers (``--- Page 3 ---``)
``ocr_debris``        line      95        debris       ``¬`` splits, ligatures, letter-spaced words
``bare_list_numbers`` line      94        debris       drop a list number left without its text (``2.``)
``signature_images``  line      92        boilerplate  drop descriptions of a signature image
``end_marks``         line      91        boilerplate  drop a release's end mark (``###``, ``-30-``, ``ENDS``)
``page_furniture``    line      90        boilerplate  drop page numbers, running headers and footers
``toggle_labels``     line      89        web          a collapsible section's button label (``…, Show``)
``endnotes``          line      87        footnotes    a Notes/Endnotes/Notas section → one footnote per number
``footnote_bodies``   line      86        footnotes    take footnote bodies out of the flow
``split_blocks``      block     80        normalise    lines → chunks at blank lines and unmarked breaks
``markdown_headings`` block     79        markup       ``## 2. Scope`` lines → heading blocks
``markdown_tables``   block     78        tables       ``| a | b |`` / ``|---|---|`` pipe tables → table blocks
``definition_lists``  block     78        tables       ``Term`` / ``:   definition`` items → a two-column table
``site_furniture``    block     77        web          menus, share bars, related links, calls to action, ©
``web_boilerplate``   block     76        boilerplate  drop banners, navigation, login/share blurbs
``tag_lists``         block     75        web          a page's tag list at its end (``Tags: a, b``), reported
``tables``            block     74        tables       column-aligned and dot-leader tables → table blocks
``side_by_side``      block     72        tables       texts side by side (no table) → column after column
``letter``            block     70        letter       letterhead, date, addressee … signatory, role
``contact_blocks``    block     66        boilerplate  a release's contact lines (name, e-mail, phone) kept as lines
``floats``            block     60        floats       rejoin across page breaks; captions/boxes → admonitions
``reflow``            block     50        reflow       join wrapped lines; line-end hyphens; list items
``layout_gaps``       block     49        reflow       runs of layout spaces in prose lines → one space
``quotations``        block     49        markup       a Markdown ``>`` quote's paragraphs → quotations
``flattened``         block     48        flattened    run-in list items split; flattened label/number tables
``continued_items``   block     47        flattened    an item's text going on in lower case after a blank line
``item_levels``       block     46        flattened    ``(A)`` > ``(a)`` > ``(i)``: bracketed items nest by family
``inline``            block     45        inline       source Markdown emphasis/links/URLs → spans
``in_page_links``     block     44        structure    drop ``Back to top``/``Back to contents`` links
``footnote_markers``  block     42        footnotes    markers → zero-width footnote spans
``act_titles``        block     41        structure    an act's numbered units with long titles → headings
``structure``         block     40        structure    title, heading levels and numbers, lead paragraphs
``heading_levels``    block     38        markup       Markdown headings keep their level
``run_in_labels``     block     35        structure    ``Label:``, a speaker's ``Mr. X (Chile):`` → strong span
``page_header``       document  25        header       bylines, datelines, contact lines → the page header
``footnotes_to_end``  document  20        footnotes    footnotes to the end; orphan bodies as paragraphs
``misreadings``       document  15        debris       words that look misread by OCR, listed (``tbe`` → the?)
``finish``            document  10        footnotes    counters
====================  ========  ========  ===========  ==========================================

Modules: ``registry`` (``Registry``, the defaults, ``build_rules``) imports ``rules/*``; each
module of ``rules/`` imports only ``state`` and ``text/`` (never another rule module nor the
registry); ``text/`` holds the helpers (``patterns``: sentence ends, list markers, dates;
``spans``: span-aware edits; ``hyphens``; ``blocks``: lines → blocks); ``run`` has ``clean``.
``tests/clean/test_layering.py`` keeps it so (no import cycle, no import inside a function).

What it hands on, besides the block kinds of ``builder.document``:

* paragraph labels: ``kicker`` (over-title), ``byline`` (short lines joined with `` · ``; also a
  byline, a publication line or a masthead above the text: ``rules.header``), ``dateline`` (a
  place-and-date line, or a dateline split from its paragraph), ``contact`` (a contact block or
  line: its lines, shown as lines); these four (``document.HEAD_LABELS``) are shown in the page
  header and are not citable;
  ``lead`` (a descriptor under a heading, or a lone ``- …`` under the title),
  ``quote`` (a Markdown ``>`` quotation: shown as a block quote, its attribution on its own line),
  ``orphan_footnote`` (a footnote body no marker points to, kept as text);
* ``doc.letter`` = ``{role: text}`` (plus ``subject``) for letters, ``doc.front_matter`` = the
  source's own front matter fields, ``doc.masthead`` = the site name and tagline lines
  removed above a web page's title, and ``doc.misread`` = the words that look misread by OCR
  (as printed, line, probable reading), left as printed;
* ``doc.stats``: the counters in ``rules.footnotes.STAT_NAMES`` (always present) and a few more;
* ``doc.warnings``: misnumbered headings, orphan footnote markers and bodies, hyphens kept
  without evidence.

Policies:

* **Nothing is lost.** Every word of the source is in a block (text, number, admonition
  title or child, footnote, letter part, url span target) or in ``removed`` with a reason.
* **The text is not edited.** Source typos stay. Quotes and dashes stay exactly as the
  source has them (straight or curly, hyphen or en dash); the site's typography is the
  source's. Unicode was repaired by ftfy and normalised to NFC by ``read``.
* **Line-end hyphens** are decided from evidence (``text.hyphens``): the document, then wordfreq.
"""

from __future__ import annotations

from .registry import Registry, build_rules, default_registries
from .run import clean
from .state import BLOCK, DOCUMENT, LEVELS, LINE, Chunk, CleanState, Line, Rule, rule

__all__ = ["BLOCK", "DOCUMENT", "LEVELS", "LINE", "Chunk", "CleanState", "Line", "Registry", "Rule", "build_rules",
           "clean", "default_registries", "rule"]
