"""write/common.front_matter: the hand-written YAML is byte for byte what PyYAML writes.

``simple_yaml`` writes the common front matter without PyYAML (it is on every page); for
anything it is not sure of it returns ``None`` and PyYAML writes it. Either way the bytes must
be the ones ``yaml.dump`` gives, so published pages do not depend on which path wrote them.
"""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.write.common import _SafeDumper, simple_yaml


def pyyaml(data: dict) -> str:
    return yaml.dump(data, Dumper=_SafeDumper, sort_keys=False, allow_unicode=True, width=1000)


# Text that is mostly what front matter holds, with every character that changes YAML's mind.
pieces = st.sampled_from(list("aZé9 0-.:#…'\"’–,;()&/!?%+*@_[]{}|>`~=<\\\t\n\u00a0\u2028\ufeff")
                        + ["yes", "No", "null", "2016-08-10", "1:30", "1e3", "0x1F", ".inf", "<<", "~"])
tricky = st.lists(pieces, max_size=12).map("".join)
words = st.text(st.sampled_from(list("abcXYZ019 -.:'#")), min_size=1, max_size=30)
scalars = st.one_of(tricky, words, st.integers(-10**12, 10**12), st.booleans(), st.floats(allow_nan=False),
                    st.text(max_size=20))
keys = st.one_of(st.sampled_from(["title", "date", "doc_type", "on", "yes", "null", "1", "a b", "x:"]),
                 st.text(max_size=6))
values = st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(keys, scalars, max_size=2))


@settings(max_examples=3000, deadline=None)
@given(st.dictionaries(keys, values, max_size=4))
def test_simple_yaml_writes_what_pyyaml_writes_or_leaves_it_to_pyyaml(data):
    mine = simple_yaml(data)
    if mine is not None:
        assert mine == pyyaml(data)


def test_simple_yaml_writes_typical_page_front_matter_itself():
    data = {"generated_by": "builder 0.1.0", "title": "Letter to the Minister: the 2016 visit",
            "date": "2016-08-10", "period": "2012-2013", "organisation": "Office of the High Commissioner (OHCHR)",
            "themes": ["detention", "return"], "source": "letter_17.txt", "documents": 12,
            "search": {"exclude": True}}
    assert simple_yaml(data) == pyyaml(data)


def test_long_and_multi_line_values_are_left_to_pyyaml():
    assert simple_yaml({"title": "word " * 200 + "end"}) is None
    assert simple_yaml({"title": "two\nlines"}) is None
    assert simple_yaml({"title": " leading space"}) is None
