"""A chart's labels and figures, left scattered at several indents by the extraction, are kept
as printed (a preformatted block, listed in the report), never joined into a sentence."""

from __future__ import annotations

from cleankit import clean_text, lost_and_invented

CHART = ("Funding (as of 31 October 2023)\n"
         "USD 214.8 M requested for the emergency response\n"
         "                        Funded 38%\n"
         "                        81.6 M\n"
         "                                            Unfunded 62%\n"
         "                                            133.2 M\n\n"
         "Donors are thanked for their support.\n")


def test_scattered_chart_labels_keep_their_lines():
    [pre] = [b for b in clean_text(CHART).blocks if b.kind == "preformatted"]
    assert pre.text.split("\n") == ["Funded 38%", "81.6 M", "                    Unfunded 62%",
                                    "                    133.2 M"]


def test_chart_labels_are_listed_in_the_report():
    doc = clean_text(CHART)
    assert any(m.reason.startswith("a chart's labels") for m in doc.moved)
    assert not any(lost_and_invented(CHART, doc))


def test_indented_lines_without_figures_are_no_chart():
    text = ("The poem reads:\n\n"
            "            Over the hills\n            and far away\n"
            "                      the river runs\n                      to the sea\n")
    assert not any(b.kind == "preformatted" for b in clean_text(text).blocks)


def test_chart_labels_render_as_a_preformatted_block_of_their_own_class():
    from builder.write.markdown import preformatted

    [pre] = [b for b in clean_text(CHART).blocks if b.kind == "preformatted"]
    assert 'class="preformatted chart-labels"' in preformatted(pre)[0]
