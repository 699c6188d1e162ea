"""write/markdown: seed text always renders as the literal text it is.

Rendered with Python-Markdown and exactly the extensions listed in mkdocs.yml, so a
new extension that would read seed text as syntax makes these tests fail.
"""

from __future__ import annotations

import html
import importlib.util
import sys
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from builder.document import Block, Span
from builder.write.markdown import escape, escape_block, inline, link_target
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "clean"))
from cleankit import _extensions, body_markdown, clean_text, render_html  # noqa: E402  (mkdocs.yml's extension list, shared)

_spec = importlib.util.spec_from_file_location("fast_markdown", ROOT / "hooks" / "fast_markdown.py")
fast_markdown = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fast_markdown)  # the hook the site renders with


def render(md: str) -> str:
    return render_html(md)


class Parsed(HTMLParser):
    """Tags, attributes and text content of an HTML fragment."""

    def __init__(self, html_text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.chunks: list[str] = []
        self.feed(html_text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())


def paragraph(text: str) -> Parsed:
    return Parsed(render(inline(Block("paragraph", text))))


def assert_literal(text: str, parsed: Parsed, allowed: tuple[str, ...] = ("p",)) -> None:
    assert parsed.text == " ".join(text.split())
    assert set(parsed.tags) <= set(allowed), parsed.tags
    assert parsed.attrs == []


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<iframe src="https://example.org"></iframe>',
    "<div markdown=\"1\">*x*</div>",
    "<!-- hidden --> text",
    "&lt;script&gt; is an entity",
    "[click](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "![img](data:image/png;base64,AAAA)",
    "<javascript:alert(1)>",
    "<https://example.org>",
    "[ref]: javascript:alert(1)",
    "---",
    "***",
    "___",
    "# Not a heading",
    "###### Six",
    "Title\n=====",
    "Title\n-----",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "Text with a footnote[^1]\n[^1]: the note",
    "[^1]: a footnote definition",
    "A paragraph\n{: #hijack .cls onclick=alert(1) }",
    "A word{: .cls }",
    "*[HTML]: Hyper Text Markup Language",
    "HTML is an abbreviation",
    "{{ config.site_name }} and {% include 'x' %}",
    "---\ntitle: injected\n---",
    '!!! danger "Injected"',
    "??? note \"Collapsed\"",
    "/// details | Summary",
    "```\ncode\n```",
    "~~~\ncode\n~~~",
    "    four spaces: indented code",
    "\tA tab-indented line",
    "> a quote",
    "- a list item",
    "+ another list item",
    "1. an ordered item",
    "2) another ordered item",
    "Term\n: definition",
    "*emphasis* and **strong** and _under_ and `code`",
    "back\\slash \\* and \\<",
    "$x^2$ and $$y$$",
    "[TOC]",
    "Line one\n\nLine two after a blank line",
    "trailing hashes ##",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_its_literal_text_in_a_paragraph(text):
    assert_literal(text, paragraph(text))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_literally_in_a_list_item(text):
    parsed = Parsed(render(f"- {inline(Block('list_item', text), one_line=True)}\n"))
    assert_literal(text, parsed, ("ul", "li"))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_literally_in_a_heading(text):
    parsed = Parsed(render(f"## {escape(text)}\n"))
    assert parsed.text.removesuffix("¶").strip() == " ".join(text.split())
    assert set(parsed.tags) <= {"h2", "a"}  # the toc extension's permalink
    assert all(name in ("id", "class", "href", "title") for name, _ in parsed.attrs)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_literally_in_an_admonition_title(text):
    title = escape(text.replace('"', "“"))
    parsed = Parsed(render(f'!!! note "{title}"\n\n    body\n'))
    assert parsed.text == " ".join(f"{text.replace(chr(34), '“')} body".split())
    assert set(parsed.tags) <= {"div", "p"}


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_literally_in_a_footnote_body(text):
    md = f"See[^1].\n\n[^1]: {inline(Block('footnote', text), one_line=True)}\n"
    parsed = Parsed(render(md))
    assert " ".join(text.split()) in parsed.text
    assert "script" not in parsed.tags and "iframe" not in parsed.tags and "img" not in parsed.tags
    assert not any(name.startswith("on") for name, _ in parsed.attrs)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_literally_in_a_table_cell(text):
    md = f"| Title | Date |\n|---|---|\n| [{escape(text)}](a.md) | {escape(text)} |\n"
    parsed = Parsed(render(md))
    assert set(parsed.tags) <= {"table", "thead", "tbody", "tr", "th", "td", "a"}
    assert parsed.text.count(" ".join(text.split())) == 2


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_literally_in_a_blockquote_excerpt(text):
    parsed = Parsed(render(f"> {escape(text)}\n>\n> — end\n"))
    assert " ".join(text.split()) in parsed.text
    assert set(parsed.tags) <= {"blockquote", "p"}


def test_indented_text_does_not_become_a_code_block():
    parsed = paragraph("        x = 1\n    y = 2")
    assert "pre" not in parsed.tags and "code" not in parsed.tags


def test_line_of_dashes_after_text_does_not_make_a_heading():
    assert "h2" not in paragraph("Heading?\n---").tags


def test_blank_lines_inside_a_block_keep_it_one_paragraph():
    assert paragraph("one\n\n\ntwo").tags == ["p"]


def test_escape_collapses_line_breaks_so_a_title_stays_on_one_line():
    assert "\n" not in escape("Title\n# Injected heading\r\n- item")


def test_a_url_span_links_only_to_http_https_or_mailto():
    good = Block("paragraph", "see https://example.org/a", [])
    good.spans = [Span(4, 25, "url", "https://example.org/a")]
    assert 'href="https://example.org/a"' in render(inline(good))
    for target in ("javascript:alert(1)", "data:text/html,x", "vbscript:x", "JAVASCRIPT:alert(1)",
                   "java\nscript:alert(1)", "//evil.example/x", "http:/no-host"):
        bad = Block("paragraph", "a link", spans=[Span(2, 6, "url", target)])
        html_text = render(inline(bad))
        assert "href" not in html_text, target


def test_a_url_cannot_close_its_link_and_open_another():
    url = "http://x.example/)[y](javascript:alert(1))"
    block = Block("paragraph", "go", spans=[Span(0, 2, "url", url)])
    parsed = Parsed(render(inline(block)))
    hrefs = [v for k, v in parsed.attrs if k == "href"]
    assert len(hrefs) == 1 and hrefs[0].startswith("http://x.example/")
    assert parsed.text == "go"


def test_link_target_percent_encodes_markdown_syntax():
    assert link_target("https://example.org/a_(b)[c]") == "https://example.org/a_%28b%29%5Bc%5D"


def test_footnote_and_emphasis_spans_render_as_markup_over_escaped_text():
    block = Block("paragraph", "Read <this> carefully", spans=[Span(5, 11, "emphasis"), Span(21, 21, "footnote", "1")])
    md = inline(block) + "\n\n[^1]: note\n"
    parsed = Parsed(render(md))
    assert "em" in parsed.tags and "sup" in parsed.tags
    assert "Read <this> carefully" in parsed.text


def test_escape_block_keeps_a_multi_line_block_one_paragraph():
    parsed = Parsed(render(escape_block("# one\n- two\n1. three")))
    assert parsed.tags == ["p"] and parsed.text == "# one - two 1. three"


printable = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t "), max_size=80)
syntax = st.text(st.sampled_from(list("<>&|$\\`*_{}[]#!?-+=:~/.()^'\"% \n\t1aZ")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.one_of(printable, syntax))
def test_any_text_renders_as_itself_and_nothing_but_a_paragraph(text):
    parsed = paragraph(text)
    assert parsed.text == " ".join(text.split())
    assert set(parsed.tags) <= {"p"}
    assert parsed.attrs == []


@settings(max_examples=200, deadline=None)
@given(st.one_of(printable, syntax))
def test_any_one_line_text_renders_as_itself_in_a_table_cell(text):
    md = f"| a |\n|---|\n| {escape(text)} |\n"
    parsed = Parsed(render(md))
    assert parsed.text == " ".join(f"a {text}".split())
    assert set(parsed.tags) <= {"table", "thead", "tbody", "tr", "th", "td"}


# YAML front matter


@settings(max_examples=300, deadline=None)
@given(st.one_of(printable, syntax, st.text(st.sampled_from(["-", ".", "\n", " ", ":", "#", "'", '"', "a", "<"]),
                                            max_size=40)))
@example("\ufffe")  # found by hypothesis: in the file name of the header comment it made the YAML unreadable
@example("a\x01b")
def test_any_value_stays_inside_the_front_matter_and_reads_back_unchanged(value):
    from mkdocs.utils import meta

    from builder.write.common import front_matter

    body, data = meta.get_data(front_matter({"title": value, "organisation": value}, f"seeds/{value}.txt")
                               + "BODY\n")
    assert body.strip() == "BODY"
    assert set(data) <= {"generated_by", "title", "organisation"}
    if value.strip():
        assert data["organisation"] == value
        assert data["title"] == html.escape(" ".join(value.split()), quote=True)


def test_front_matter_titles_are_html_escaped_because_the_theme_prints_them_raw():
    from mkdocs.utils import meta

    from builder.write.common import front_matter

    _, data = meta.get_data(front_matter({"title": "</title><script>alert(1)</script>"}, "seeds/a.txt"))
    assert data["title"] == "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"


# --- underscores and asterisks: every position Python-Markdown reads as emphasis ---------------

EMPHASIS_FAMILY = [
    "__name__", "__init__", "if __name__ == '__main__':", "snake_case_words", "a_b_c_d",
    "_leading", "trailing_", "_both_", "__double__", "___triple___", "foo__bar__baz", "x__", "__x",
    "a*b*c", "*edge*", "**strong**", "***both***", "foo**bar**baz", "2*3 and 4*5", "* star alone",
    "word_ _word", "_*mixed*_", "*_mixed_*", "__init__.py and _private and __all__",
]


def site_markdown_html(md: str) -> str:
    """As the site renders it: mkdocs.yml's extensions and the hook that drops unused patterns."""
    names, configs = _extensions()
    return markdown.markdown(md, extensions=[*names, fast_markdown.GeneratedPages()], extension_configs=configs)


@pytest.mark.parametrize("text", EMPHASIS_FAMILY)
def test_underscores_and_asterisks_render_literally_wherever_they_stand(text):
    for md in (escape(text), inline(Block("paragraph", text))):
        for rendered in (render(md), site_markdown_html(md)):
            assert_literal(text, Parsed(rendered))


def test_dunder_names_in_a_seed_reach_the_page_with_their_underscores():
    line = "The module checks __name__ and calls __init__ on snake_case_words."
    doc = clean_text(f"A note on names\n\n{line}\n")
    assert line in Parsed(render(body_markdown(doc))).text
