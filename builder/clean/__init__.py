"""Stage 2, clean: ``Source`` → ``Document`` with cleaned ``Block``s.

Takes the decoded text of one seed and returns its blocks (headings, paragraphs,
list items, admonitions, footnotes, letter parts) as plain text, plus every line it
removed or moved, with the reason. Pure: no I/O.

Cleaning runs as a list of named rules over a shared state, in priority order
(highest first), the way Python-Markdown's registries do:

=====================  ========  ==========================================
rule                   priority  what it does
=====================  ========  ==========================================
``split_blocks``       100       lines → raw blocks at blank lines
``reflow``             50        join wrapped lines of a block into one line
``classify``           30        decide headings and list items
=====================  ========  ==========================================
"""

from __future__ import annotations

from .pipeline import CleanState, Rule, build_rules, clean

__all__ = ["CleanState", "Rule", "build_rules", "clean"]
