"""The registries of cleaning rules, one per level, and the defaults.

Like Python-Markdown's ``util.Registry``: a rule is registered under a name with a priority
(``register(rule, name, priority)``), can be taken out by name (``deregister``), and the
registry iterates from the highest priority to the lowest (rules of equal priority in the
order they were registered). The levels run one after the other: every line rule, then every
block rule, then every document rule (``state.LEVELS``). Priorities leave gaps for rules to
come, and decrease from one level to the next, so the table in the package docstring reads in
the order the rules run.

This module imports every rule module; no rule module imports it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .rules import (boilerplate, debris, flattened, floats, footnotes, header, inline, letter, markup, normalise,
                    reflow, structure, tables, web)
from .state import BLOCK, DOCUMENT, LEVELS, LINE, Level, Rule


class Registry:
    """The rules of one level by name, iterated from the highest priority to the lowest."""

    def __init__(self, level: Level) -> None:
        self.level = level
        self._rules: dict[str, Rule] = {}

    def register(self, rule: Rule, name: str, priority: int) -> None:
        """Add ``rule`` under ``name`` (replacing a rule registered under that name)."""
        if rule.level != self.level:
            raise ValueError(f"cleaning rule {name!r} works on the {rule.level} level, not on the "
                             f"{self.level} level")
        self._rules.pop(name, None)
        self._rules[name] = rule.registered(name, priority)

    def deregister(self, name: str, strict: bool = True) -> None:
        """Take the rule ``name`` out; an unknown name raises ``KeyError`` unless ``strict=False``."""
        if name not in self._rules:
            if strict:
                raise KeyError(f"Unknown cleaning rule: {name}")
            return
        del self._rules[name]

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=lambda r: r.priority, reverse=True))

    def __contains__(self, name: object) -> bool:
        return name in self._rules

    def __getitem__(self, name: str) -> Rule:
        return self._rules[name]

    def __len__(self) -> int:
        return len(self._rules)


def default_registries() -> dict[Level, Registry]:
    """The default rules of each level (the table in the package docstring)."""
    line = Registry(LINE)
    line.register(normalise.normalise, "normalise", 100)
    line.register(markup.front_matter, "front_matter", 98)
    line.register(markup.source_markup, "source_markup", 97)
    line.register(debris.page_markers, "page_markers", 96)
    line.register(debris.ocr_debris, "ocr_debris", 95)
    line.register(debris.bare_list_numbers, "bare_list_numbers", 94)
    line.register(boilerplate.signature_images, "signature_images", 92)
    line.register(boilerplate.end_marks, "end_marks", 91)
    line.register(boilerplate.page_furniture, "page_furniture", 90)
    line.register(web.toggle_labels, "toggle_labels", 89)
    line.register(footnotes.endnotes, "endnotes", 87)
    line.register(footnotes.footnote_bodies, "footnote_bodies", 86)

    block = Registry(BLOCK)
    block.register(normalise.split_blocks, "split_blocks", 80)
    block.register(markup.markdown_headings, "markdown_headings", 79)
    block.register(tables.markdown_tables, "markdown_tables", 78)
    block.register(tables.definition_lists, "definition_lists", 78)
    block.register(web.site_furniture, "site_furniture", 77)
    block.register(boilerplate.web_boilerplate, "web_boilerplate", 76)
    block.register(web.tag_lists, "tag_lists", 75)
    block.register(tables.tables, "tables", 74)
    block.register(tables.side_by_side, "side_by_side", 72)
    block.register(letter.letter, "letter", 70)
    block.register(boilerplate.contact_blocks, "contact_blocks", 66)
    block.register(floats.floats, "floats", 60)
    block.register(reflow.reflow, "reflow", 50)
    block.register(reflow.layout_gaps, "layout_gaps", 49)
    block.register(markup.quotations, "quotations", 49)
    block.register(flattened.flattened, "flattened", 48)
    block.register(flattened.item_levels, "item_levels", 46)
    block.register(flattened.continued_items, "continued_items", 47)
    block.register(inline.inline_markup, "inline", 45)
    block.register(footnotes.footnote_markers, "footnote_markers", 42)
    block.register(structure.in_page_links, "in_page_links", 44)
    block.register(structure.act_titles, "act_titles", 41)
    block.register(structure.structure, "structure", 40)
    block.register(markup.heading_levels, "heading_levels", 38)
    block.register(structure.run_in_labels, "run_in_labels", 35)

    document = Registry(DOCUMENT)
    document.register(header.page_header, "page_header", 25)
    document.register(footnotes.footnotes_to_end, "footnotes_to_end", 20)
    document.register(debris.misreadings, "misreadings", 15)
    document.register(footnotes.finish, "finish", 10)
    return {LINE: line, BLOCK: block, DOCUMENT: document}


def build_rules(disabled: Iterable[str] = ()) -> list[Rule]:
    """The default rules in the order they run: each level's, highest priority first. Unknown
    names in ``disabled`` raise ``KeyError`` listing all of them."""
    registries = default_registries()
    off = set(disabled)
    unknown = sorted(name for name in off if not any(name in registry for registry in registries.values()))
    if unknown:
        raise KeyError(f"Unknown cleaning rule(s): {', '.join(unknown)}")
    for registry in registries.values():
        for name in off:
            registry.deregister(name, strict=False)
    return [rule for level in LEVELS for rule in registries[level]]
