"""Stage 2, clean: ``Source`` → ``Document`` with cleaned ``Block``s.

Takes the decoded text of one seed and returns its blocks (headings, paragraphs, list
items, admonitions, footnotes, letter parts) as plain text with spans, plus every line it
removed or moved, with the reason. Pure: no I/O. Rules work from the shape of the text
(line lengths, leading and trailing spaces, punctuation, capitals, numbering, glyphs,
blank lines, repetition) and generic vocabulary, never from one document's wording.

Cleaning runs as named rules over a shared ``CleanState``, highest priority first, the way
Python-Markdown's registries do (``build_rules(disabled=[...])`` switches rules off by name):

====================  ========  ==============  =============================================
rule                  priority  module          what it does
====================  ========  ==============  =============================================
``normalise``         100       normalise       record leading/trailing spaces; find PDF columns
``signature_images``  92        boilerplate     drop descriptions of a signature image
``page_furniture``    90        boilerplate     drop page numbers, running headers and footers
``footnote_bodies``   86        footnotes       take footnote bodies out of the flow
``split_blocks``      80        normalise       lines → chunks at blank lines and unmarked breaks
``web_boilerplate``   76        boilerplate     drop banners, navigation, login/share blurbs
``letter``            70        letter          letterhead, date, addressee … signatory, role
``floats``            60        floats          rejoin across page breaks; captions/boxes → admonitions
``reflow``            50        reflow          join wrapped lines; line-end hyphens; list items
``inline``            45        inline          source Markdown emphasis/links/URLs → spans
``footnote_markers``  42        footnotes       markers → zero-width footnote spans
``structure``         40        structure       title, heading levels and numbers, lead paragraphs
``run_in_labels``     35        structure       ``Label:`` at a paragraph start → strong span
``finish``            10        footnotes       footnotes to the end; counters
====================  ========  ==============  =============================================

What it hands on, besides the block kinds of ``builder.document``:

* paragraph labels: ``kicker`` (over-title), ``byline`` (short lines joined with `` · ``),
  ``lead`` (a descriptor under a heading, or a lone ``- …`` under the title),
  ``orphan_footnote`` (a footnote body no marker points to, kept as text);
* ``doc.extra["letter"]`` = ``{role: text}`` (plus ``subject``) for letters, and
  ``doc.extra["masthead"]`` = the site name and tagline lines removed above a web page's title;
* ``doc.stats``: the counters in ``footnotes.STAT_NAMES`` (always present) and a few more;
* ``doc.warnings``: misnumbered headings, orphan footnote markers and bodies, hyphens kept
  without evidence.

Policies:

* **Nothing is lost.** Every word of the source is in a block (text, number, admonition
  title or child, footnote, letter part, url span target) or in ``removed`` with a reason.
* **The text is not edited.** Source typos stay. Quotes and dashes stay exactly as the
  source has them (straight or curly, hyphen or en dash); the site's typography is the
  source's. Unicode was repaired by ftfy and normalised to NFC by ``read``.
* **Line-end hyphens** are decided from evidence (``hyphens``): the document, then wordfreq.
"""

from __future__ import annotations

from .pipeline import Chunk, CleanState, Line, Rule, build_rules, clean

__all__ = ["Chunk", "CleanState", "Line", "Rule", "build_rules", "clean"]
