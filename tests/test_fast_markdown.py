"""hooks/fast_markdown.py: pages convert to the same HTML with and without the extension it adds."""

from __future__ import annotations

import importlib.util
import sys

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.write.markdown import escape
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "clean"))
from cleankit import _extensions  # noqa: E402  (mkdocs.yml's extension list, shared)

spec = importlib.util.spec_from_file_location("fast_markdown", ROOT / "hooks" / "fast_markdown.py")
fast_markdown = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fast_markdown)

NAMES, CONFIGS = _extensions()
MKDOCS_DEFAULTS = ["toc", "tables", "fenced_code"]
"""Extensions MkDocs always adds to those mkdocs.yml lists."""


def both_ways(text: str) -> tuple[str, str]:
    plain = [*MKDOCS_DEFAULTS, *NAMES]
    return (markdown.Markdown(extensions=plain, extension_configs=CONFIGS).convert(text),
            markdown.Markdown(extensions=[*plain, fast_markdown.GeneratedPages()],
                              extension_configs=CONFIGS).convert(text))


SHIPPED_PAGES = sorted((ROOT / "docs").rglob("*.md"))


@pytest.mark.parametrize("page", SHIPPED_PAGES, ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_every_shipped_page_converts_to_the_same_html(page):
    body = page.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
    plain, fast = both_ways(body)
    assert fast == plain


def test_syntax_the_builder_writes_still_works():
    text = ("A [link](a.md), **bold**, *emphasis*, <https://example.org>, &amp;, a note[^1].\n\n"
            "| A | B |\n|---|:-:|\n| 1 | 2 |\n\n[^1]: The note.\n")
    plain, fast = both_ways(text)
    assert fast == plain and "<table>" in fast and "<strong>bold</strong>" in fast


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab _*[]()!<>@.:|-\\`#{}\n")), max_size=60))
def test_escaped_text_converts_to_the_same_html(text):
    plain, fast = both_ways(escape(text))
    assert fast == plain


def test_only_a_block_whose_second_line_is_a_separator_row_may_be_a_table():
    assert fast_markdown.could_be_table("| A | B |\n|---|:-:|\n| 1 | 2 |")
    assert fast_markdown.could_be_table("A | B\n--- | ---")
    assert not fast_markdown.could_be_table("Migrants | pay fees.\n{: #para-1 .para }")
    assert not fast_markdown.could_be_table("One line | only")


def test_the_hook_is_registered_in_mkdocs_yml():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "hooks/fast_markdown.py" in config["hooks"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab[]()\\")), max_size=40), st.integers(0, 40))
def test_the_closing_bracket_of_a_link_is_the_one_python_markdown_finds(text, index):
    index = min(index, len(text))
    reference = markdown.inlinepatterns.LinkInlineProcessor(markdown.inlinepatterns.LINK_RE, markdown.Markdown())
    assert fast_markdown.link_text(text, index) == reference.getText(text, index)


def test_a_paragraph_of_many_links_converts_to_the_same_html():
    text = " ".join(f"[document {i} [draft]](d{i}.md)" for i in range(200)) + " [unclosed (x.md) ] [a](b.md"
    plain, fast = both_ways(text)
    assert fast == plain and fast.count("<a href=") == 200


class _LiteralInlineOnly(markdown.extensions.Extension):
    """The skip of inline patterns alone (``LiteralInlineProcessor``), on every pattern Python-Markdown has."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(fast_markdown.LiteralInlineProcessor(md), "inline", fast_markdown.INLINE_PRIORITY)


def plain_and_literal(text: str) -> tuple[str, str]:
    plain = [*MKDOCS_DEFAULTS, *NAMES]
    return (markdown.Markdown(extensions=plain, extension_configs=CONFIGS).convert(text),
            markdown.Markdown(extensions=[*plain, _LiteralInlineOnly()], extension_configs=CONFIGS).convert(text))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(list("ab _*[]()!<>@.:;&#x^`\\/|-{}\n") + ["  \n", "<b>", "&amp;", "[^1]",
                                                                         "http://x", "\n\n[^1]: n\n"]),
                max_size=40).map("".join))
def test_skipping_the_patterns_a_text_cannot_match_changes_no_html(text):
    # Raw Markdown, not escaped: every inline pattern gets its chance, with the markers of each.
    plain, literal = plain_and_literal(text)
    assert literal == plain


def test_a_text_holding_every_marker_converts_to_the_same_html():
    text = ("`code` \\* [^1] [a](b.md) <https://example.org> line  \nbreak <b>bold</b> &amp; *em* _em_ "
            "**strong** ![img](i.png) [ref][r]\n\n[r]: x.md\n[^1]: Note.\n")
    plain, literal = plain_and_literal(text)
    assert literal == plain and "<code>" in literal and "<br />" in literal and "<em>" in literal


def test_the_skip_replaces_the_inline_processor_in_its_place():
    plain = markdown.Markdown(extensions=[*MKDOCS_DEFAULTS, *NAMES], extension_configs=CONFIGS)
    fast = markdown.Markdown(extensions=[*MKDOCS_DEFAULTS, *NAMES, fast_markdown.GeneratedPages()],
                             extension_configs=CONFIGS)
    assert type(fast.treeprocessors["inline"]) is fast_markdown.LiteralInlineProcessor
    order = [type(p).__name__ for p in plain.treeprocessors]
    assert [type(p).__name__ for p in fast.treeprocessors] == [
        "LiteralInlineProcessor" if name == "InlineProcessor" else name for name in order]


def test_every_pattern_given_strings_is_one_python_markdown_registers():
    md = markdown.Markdown(extensions=[*MKDOCS_DEFAULTS, *NAMES], extension_configs=CONFIGS)
    assert set(fast_markdown.PATTERN_LITERALS) <= {item.name for item in md.inlinePatterns._priority}
