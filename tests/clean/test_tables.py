"""Plain-text tables: column-aligned and dot-leader tables become table blocks; ragged ones stay
preformatted; prose with double spaces stays prose."""

from __future__ import annotations

import markdown

from cleankit import clean_text, lost_and_invented

from builder.document import Block
from builder.write.markdown import preformatted, table

ALIGNED = """Staff by office.

Office        Staff     Budget
Geneva           12      1,500
Nairobi           7        900
Bangkok           9      1,100

The figures are provisional.
"""


def kinds(doc):
    return [b.kind for b in doc.blocks]


def tables_of(doc):
    return [b for b in doc.blocks if b.kind == "table"]


def html(block: Block) -> str:
    lines = table(block) if block.kind == "table" else preformatted(block)
    return markdown.markdown("\n".join(lines), extensions=["tables"])


def test_aligned_columns_become_a_table_with_a_header_and_right_aligned_numbers():
    doc = clean_text(ALIGNED)
    [t] = tables_of(doc)
    assert t.header == 1 and t.rows[0] == ["Office", "Staff", "Budget"]
    assert t.rows[1:] == [["Geneva", "12", "1,500"], ["Nairobi", "7", "900"], ["Bangkok", "9", "1,100"]]
    assert t.align == ["left", "right", "right"]
    assert not t.anchor and not t.citable
    assert doc.stats["tables"] == 1
    assert any(m.rule == "tables" and m.placed.startswith("table, lines 3–6") for m in doc.moved)
    out = html(t)
    assert "<th>Office</th>" in out and '<td style="text-align: right;">1,500</td>' in out
    assert [b.text for b in doc.blocks if b.kind == "paragraph"] == ["Staff by office.", "The figures are provisional."]
    lost, invented = lost_and_invented(ALIGNED, doc)
    assert not lost and not invented


def test_dot_leaders_become_a_two_column_table_with_right_aligned_numbers():
    text = ("Admissions in the year:\n\nTotal admissions ........ 1,500\nFamily reunion . . . . . . 320\n"
            "Resettlement and humanitarian\n  admission ................ 45\n")
    doc = clean_text(text)
    [t] = tables_of(doc)
    assert t.rows == [["Total admissions", "1,500"], ["Family reunion", "320"],
                      ["Resettlement and humanitarian admission", "45"]]
    assert t.align == ["left", "right"] and t.header == 0
    out = html(t)
    assert out.count("<tr>") == 4  # an empty header row, then the three rows
    assert '<td style="text-align: right;">1,500</td>' in out
    assert not any(lost_and_invented(text, doc))


def test_a_pipe_or_markdown_in_a_cell_stays_literal():
    text = "Code        Meaning       Count\nA|B         *bold* <script>    1\n[x](y)      `tick`        2\n"
    doc = clean_text(text)
    [t] = tables_of(doc)
    assert t.rows[1] == ["A|B", "*bold* <script>", "1"]
    out = html(t)
    assert "<td>A|B</td>" in out.replace("&#124;", "|")
    assert "&lt;script&gt;" in out and "<script" not in out and "<em>" not in out and "<a " not in out
    assert out.count("<td") == 6  # the pipe did not split a cell


def test_ragged_tabular_block_stays_preformatted_with_its_line_breaks():
    text = ("Year    Arrivals    Returns\n2019    1,200    300\n2020    800\n2021    950    410    12\n"
            "2022    1,010    380\n")
    doc = clean_text(text)
    [p] = [b for b in doc.blocks if b.kind == "preformatted"]
    assert p.text.split("\n")[1] == "2019    1,200    300"
    assert doc.stats["preformatted"] == 1
    out = html(p)
    assert "<pre" in out and "2020    800\n" in out
    assert not any(lost_and_invented(text, doc))


def test_preformatted_text_cannot_break_out():
    block = Block("preformatted", "```\n<!-- verbatim -->\n<script>x</script>\n<!-- /verbatim -->\n```")
    lines = preformatted(block)
    inner = lines[0].split("\n")
    assert inner[0] == "<!-- verbatim -->" and inner[-1] == "<!-- /verbatim -->"
    body = "\n".join(inner[1:-1])
    assert "<script>" not in body and "&lt;script&gt;" in body and "<!-- verbatim" not in body


def test_prose_with_a_few_double_spaces_is_not_a_table():
    text = ("The Committee  met twice in 2019.  It adopted  the report on  migrant workers\n"
            "and asked the  Secretariat to  publish it  before the next  session, with the\n"
            "annexes  listed in  document 12  of the  same  series.\n")
    doc = clean_text(text)
    assert "table" not in kinds(doc) and "preformatted" not in kinds(doc)


def test_justified_lines_with_numbers_are_not_a_table():
    text = ("receiving  pay  pursuant  to section 5 of  chapter  174  of  the\n"
            "laws  of  1993  shall  continue  to  receive  such  pay  under  the\n")
    doc = clean_text(text)
    assert "table" not in kinds(doc)


def test_a_wrapped_paragraph_whose_lines_happen_to_align_is_not_a_table():
    text = ("we  are  the  ones who\nto  all  the  men who\nin  order  to  keep it\nbe  it  so  and  done\n")
    doc = clean_text(text)
    assert "table" not in kinds(doc) and "preformatted" not in kinds(doc)


def test_a_numbered_list_with_two_spaces_is_not_a_table():
    text = "1.  eine Duldung besitzen,\n2.  vollziehbar ausreisepflichtig sind,\n3.  Ehegatten oder Kinder sind.\n"
    doc = clean_text(text)
    assert "table" not in kinds(doc)


def test_a_table_goes_on_across_a_page_break():
    rows = "\n".join(f"{n:>3}  {1000 + n:>6}  {2000 + n:>6}" for n in range(1, 4))
    more = "\n".join(f"{n:>3}  {1000 + n:>6}  {2000 + n:>6}" for n in range(4, 7))
    footer = "Report of the year  2"
    text = f"{rows}\n\n{footer}\n\n{more}\n\nText.\n\n{rows}\n\n{footer.replace('2', '3')}\n\n{more}\n"
    doc = clean_text(text)
    if any(r.rule == "page_furniture" for r in doc.removed):
        assert [len(t.rows) for t in tables_of(doc)] == [6, 6]


def test_a_table_interrupted_by_a_page_foot_note_resumes_and_the_note_follows_it():
    head = "  Grade  Rate  Step 1  Step 2  Step 3\n"
    first = "  1  31273  32466  33659  34852\n"
    rest = "\n".join(f"  {n}  {31000 + n}  {32000 + n}  {33000 + n}  {34000 + n}" for n in range(2, 7))
    text = (f"The salary grades shall be as follows:\n\n{head}{first}\n"
            f"EXPLANATION--Matter in italics is new; matter in brackets is old law.\nLBD12038-03-4\n\n{rest}\n\n"
            "Section 2. This act takes effect immediately.\n")
    doc = clean_text(text)
    [t] = tables_of(doc)
    assert [row[0] for row in t.rows[t.header:]] == ["1", "2", "3", "4", "5", "6"]
    after = [b.text for b in doc.blocks[doc.blocks.index(t) + 1:]]
    assert after[0].startswith("EXPLANATION") and "Section 2." in " ".join(after)
    assert any(m.reason.startswith("lines that interrupted a table") for m in doc.moved)


def test_a_french_table_resumes_after_a_running_header_line():
    rows = "\n".join(f"  {r}  {1000 + r}  {2000 + r}  {3000 + r}" for r in range(1, 3))
    more = "\n".join(f"  {r}  {1000 + r}  {2000 + r}  {3000 + r}" for r in range(3, 7))
    text = f"Barème applicable :\n\n{rows}\n\nJournal officiel — page 4\n\n{more}\n\nFin du barème.\n"
    doc = clean_text(text)
    assert [len(t.rows) - t.header for t in tables_of(doc)] == [6]


def test_two_tables_with_a_sentence_between_stay_two_tables():
    rows = "\n".join(f"  {r}  {1000 + r}  {2000 + r}  {3000 + r}" for r in range(1, 4))
    text = (f"{rows}\n\nThe second table gives the rates that apply from next year onwards, after the review "
            f"of the agreement by both parties and its approval by the legislature, as the law requires.\n\n{rows}\n")
    assert len(tables_of(clean_text(text))) == 2


def test_a_parallel_text_printed_side_by_side_is_read_column_by_column():
    doc = clean_text("COUNCIL OF EUROPE                          CONSEIL DE L'EUROPE\n\n"
                     "Recommendation CM/Rec(2019)4               Recommandation CM/Rec(2019)4\n"
                     "of the Committee of Ministers              du Comité des Ministres\n\n"
                     "The Committee of Ministers adopted the text at its meeting in April.\n")
    texts = [b.text for b in doc.blocks]
    assert "Recommendation CM/Rec(2019)4 of the Committee of Ministers" in texts
    assert "Recommandation CM/Rec(2019)4 du Comité des Ministres" in texts
    assert not any("   " in t for t in texts)
    assert [m.reason.split(" (")[0] for m in doc.moved] == ["right-hand column of text printed side by side"] * 2


def test_two_signatures_side_by_side_are_two_names_each_over_its_role():
    doc = clean_text("The judgment was delivered in writing on 12 July 2016 in Strasbourg.\n\n"
                     "Milan Blaško                         Angelika Nußberger\n"
                     "Deputy Registrar                             President\n")
    assert [b.text for b in doc.blocks[1:]] == ["Milan Blaško", "Deputy Registrar", "Angelika Nußberger", "President"]


def test_labels_and_values_side_by_side_stay_on_their_rows():
    doc = clean_text("The applicant's details follow here as the form gives them.\n\n"
                     "Date of birth:          12 May 1990\nNationality:            Syrian\n")
    assert not doc.moved
    assert not any(b.text == "Syrian" for b in doc.blocks)


def test_columns_that_overlap_are_no_texts_side_by_side():
    doc = clean_text("The text starts here with a sentence of its own to read.\n\n"
                     "Short left          right part one\n"
                     "A much longer left part here      right\n")
    assert not doc.moved


def test_a_line_with_text_in_one_column_only_goes_on_in_that_column():
    doc = clean_text("Done at Dakar on 10 October 2023.\n\n"
                     "FOR THE KINGDOM OF SPAIN          FOR THE REPUBLIC OF SENEGAL\n"
                     "POR EL REINO DE ESPAÑA            POR LA REPÚBLICA DE SENEGAL\n"
                     "Elma Saiz Delgado                 Ismaïla Madior Fall\n"
                     "Minister of Inclusion,            Minister of Foreign Affairs\n"
                     "Social Security and Migration\n")
    texts = " / ".join(b.text for b in doc.blocks[1:])
    assert texts.index("Social Security and Migration") < texts.index("FOR THE REPUBLIC OF SENEGAL")
    assert texts.index("Elma Saiz Delgado") < texts.index("FOR THE REPUBLIC OF SENEGAL") < texts.index("Ismaïla")


def test_a_line_of_one_text_reaching_into_the_next_column_is_no_column():
    doc = clean_text("Done at Dakar on 10 October 2023.\n\n"
                     "FOR THE KINGDOM OF SPAIN          FOR THE REPUBLIC OF SENEGAL\n"
                     "Elma Saiz Delgado                 Ismaïla Madior Fall\n"
                     "The Parties have signed this Agreement in two copies on the date above.\n")
    assert not doc.moved
