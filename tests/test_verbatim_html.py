"""hooks/verbatim_html.py: marked blocks of generated HTML reach the page as they are."""

from __future__ import annotations

import importlib.util

import markdown
import yaml
from conftest import ROOT

from builder.write.markdown import verbatim

spec = importlib.util.spec_from_file_location("verbatim_html", ROOT / "hooks" / "verbatim_html.py")
verbatim_html = importlib.util.module_from_spec(spec)
spec.loader.exec_module(verbatim_html)

DIFF = '<pre class="cleaning-diff">Page 3\n\n<del title="removed by cleaning">*x*</del> [a](b) &lt;b&gt;</pre>'
TABLE = "<table>\n<tbody>\n<tr><td>**not bold**</td></tr>\n</tbody>\n</table>"
PAGE = f"# Title\n\nSome *text*.\n\n{verbatim(DIFF)}\n\n## Removed\n\n{verbatim(TABLE)}\n\nThe end.\n"


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["toc", "attr_list"])


def through_hook(text: str) -> str:
    lifted, blocks = verbatim_html.lift(text)
    return verbatim_html.put_back(convert(lifted), blocks)


def test_each_marked_block_is_lifted_out_of_the_markdown():
    lifted, blocks = verbatim_html.lift(PAGE)
    assert blocks == [DIFF, TABLE]
    assert "cleaning-diff" not in lifted and "<table>" not in lifted and "Some *text*." in lifted


def test_the_page_is_the_one_python_markdown_makes_of_the_raw_html():
    unmarked = PAGE.replace("<!-- verbatim -->\n", "").replace("\n<!-- /verbatim -->", "")
    assert through_hook(PAGE) == convert(unmarked)
    assert DIFF in through_hook(PAGE) and "<em>text</em>" in through_hook(PAGE)


def test_a_page_without_marked_blocks_is_left_alone():
    assert verbatim_html.lift("# Title\n\nText.\n") == ("# Title\n\nText.\n", [])


def test_the_hook_is_registered_in_mkdocs_yml():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "hooks/verbatim_html.py" in config["hooks"]
