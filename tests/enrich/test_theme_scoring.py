"""enrich.themes: trigger phrases, per-paragraph scoring, thresholds and strength."""

from __future__ import annotations


from dataclasses import replace

from builder.config import Theme
from builder.document import Block, Document, Metadata, Source
from builder.enrich.themes import (_alternatives, _literal_prefixes, best_excerpt, citable_blocks, main_ids, matches,
                                   evidence_in, matches_each, phrase_pattern, score, start_index,
                                   suggest_phrases, theme_regex, themes_found)

FARM = Theme("farm-work", "Farm work", "Work on farms.", ["seasonal workers", "harvest*", "orchard"])
WATER = Theme("water", "Water", "Water rights.", ["irrigation", "water rights"])


def doc(*texts: str, title: str = "") -> Document:
    return Document(Source("t.txt", "", ""), blocks=[Block("paragraph", t) for t in texts], meta=Metadata(title=title))


def main_of(d: Document, themes: list[Theme]) -> set[str]:
    """The ids of ``d``'s main themes as enrich finds them (``themes_found``) and ``main_ids`` reads them."""
    return main_ids(replace(d, main_themes=themes_found(d, themes)[1]))


def test_case_hyphen_and_space_variants_match():
    pattern = phrase_pattern("rights-based approach")
    assert pattern.search("A Rights Based Approach to work")
    assert pattern.search("a rights-based\napproach")
    assert pattern.search("a rightsbased approach")


def test_star_matches_any_word_ending_but_only_whole_words():
    pattern = phrase_pattern("traffick*")
    assert [m.group(0) for m in pattern.finditer("traffickers trafficked; antitrafficking")] == [
        "traffickers", "trafficked"]


def test_brackets_make_letters_or_words_optional():
    assert phrase_pattern("labo(u)r migration").search("labor migration")
    assert phrase_pattern("labo(u)r migration").search("labour migration")
    assert phrase_pattern("rights of (all) migrants").search("rights of all migrants")
    assert phrase_pattern("rights of (all) migrants").search("rights of migrants")
    assert phrase_pattern("safe(,) orderly and (regular|legal) migration").search("safe, orderly and legal migration")


def test_curly_and_straight_apostrophes_match_each_other():
    assert phrase_pattern("migrants’ rights").search("migrants' rights")


def test_longer_phrase_is_counted_once_not_with_the_word_inside_it():
    theme = Theme("t", "T", "d", ["trafficking", "victims of trafficking"])
    assert matches("victims of trafficking and trafficking", theme) == {"victims of trafficking": 1, "trafficking": 1}


def test_a_name_a_theme_lists_is_evidence_for_that_theme_only():
    # The words of another theme inside a name (a phrase written with a capital) do not count there.
    treaty = Theme("treaty", "Treaties", "d", ["Committee on Seasonal Workers", "ratification"])
    themes = [FARM, treaty]
    text = "The Committee on Seasonal Workers asked for ratification. Seasonal workers came."
    assert evidence_in(text, themes, start_index(themes)) == {
        0: {"seasonal workers": 1}, 1: {"Committee on Seasonal Workers": 1, "ratification": 1}}


def test_a_phrase_written_in_lower_case_takes_no_words_from_another_theme():
    field_work = Theme("field", "Field work", "d", ["work in the orchard"])
    themes = [FARM, field_work]
    assert evidence_in("Their work in the orchard.", themes, start_index(themes)) == {
        0: {"orchard": 1}, 1: {"work in the orchard": 1}}


def test_a_name_is_the_whole_of_another_themes_phrase_counts_for_both():
    child_work = Theme("children", "Children", "d", ["Child Labour Convention"])
    work = Theme("work", "Work", "d", ["Child Labour Convention", "decent work"])
    themes = [child_work, work]
    assert evidence_in("The Child Labour Convention.", themes, start_index(themes)) == {
        0: {"Child Labour Convention": 1}, 1: {"Child Labour Convention": 1}}


def test_a_phrase_of_another_languages_list_written_with_a_capital_is_not_a_name():
    # German writes every noun with a capital: "Frauen und Kinder" names nobody.
    # The themes as they match a German document (``in_language``): German phrases, then English.
    themes = [Theme("children", "Children", "d", ["Frauen und Kinder", "children"],
                    languages={"de": ["Frauen und Kinder"]}),
              Theme("women", "Women", "d", ["Frauen", "women"], languages={"de": ["Frauen"]})]
    assert evidence_in("Frauen und Kinder", themes, start_index(themes)) == {
        0: {"Frauen und Kinder": 1}, 1: {"Frauen": 1}}


def test_one_regex_per_theme_is_compiled_once():
    assert theme_regex(FARM) is theme_regex(Theme("farm-work", "x", "y", list(FARM.phrases)))


def test_one_phrase_of_several_words_makes_a_passage_but_one_single_word_does_not():
    hits = score(doc("Seasonal workers came.", "The harvest began.", "Seasonal workers left."), [FARM])
    assert hits and [i for i, _ in hits[0].passages] == [0, 2]


def test_two_single_words_in_one_paragraph_make_a_passage():
    hits = score(doc("The harvest in the orchard.", "The harvest in the orchard again."), [FARM])
    assert hits and len(hits[0].passages) == 2


def test_a_document_below_the_threshold_does_not_carry_the_theme():
    assert score(doc("Seasonal workers came.", "Nothing else here."), [FARM]) == []


def test_themes_are_ordered_by_strength_and_passages_best_first():
    d = doc("Irrigation and water rights matter.", "Water rights again, irrigation again.",
            "Seasonal workers in the orchard at harvest time; seasonal workers rest.",
            "Seasonal workers came.", "Seasonal workers in the orchard.")
    hits = score(d, [WATER, FARM])
    assert [h.theme for h in hits] == ["farm-work", "water"]
    farm = hits[0]
    assert farm.passages[0][0] == 2
    assert [s for _, s in farm.passages] == sorted((s for _, s in farm.passages), reverse=True)
    assert len(farm.passages) == 3
    assert farm.phrases == ("harvest*", "orchard", "seasonal workers")


def test_passages_index_the_citable_blocks_including_box_bodies():
    box = Block("admonition", "", label="example", children=[Block("paragraph", "Seasonal workers at harvest.")])
    d = Document(Source("t.txt", "", ""), blocks=[Block("heading", "Seasonal workers", level=2),
                                                   Block("paragraph", "Seasonal workers came."), box])
    hits = score(d, [FARM])
    blocks = citable_blocks(d)
    assert sorted(blocks[i].text for i, _ in hits[0].passages) == ["Seasonal workers at harvest.",
                                                                   "Seasonal workers came."]


def test_headings_are_not_passages():
    d = Document(Source("t.txt", "", ""), blocks=[Block("heading", "Seasonal workers and the harvest", level=2)])
    assert score(d, [FARM]) == []


def test_a_section_heading_counts_for_the_paragraph_that_opens_the_section():
    d = Document(Source("t.txt", "", ""), blocks=[
        Block("heading", "Seasonal workers", level=2), Block("paragraph", "They came in May."),
        Block("paragraph", "They left in June."), Block("paragraph", "Seasonal workers came back.")])
    hits = score(d, [FARM])
    # The heading's words weigh for the section's first paragraph, but a quote of that paragraph
    # would not show them: only the paragraph with the words is quoted.
    assert [i for i, _ in hits[0].passages] == [2]
    assert hits[0].score == 4.0


def test_excerpt_is_the_sentence_with_the_evidence_cut_around_the_match():
    text = ("The weather was dry all year. " + " ".join(["Many"] * 60) + " seasonal workers came to the orchard.")
    excerpt = best_excerpt(text, FARM, words=20)
    assert "seasonal workers" in excerpt
    assert excerpt.startswith("… ")
    assert len(excerpt.split()) <= 22


def test_unthemed_document_gets_key_phrases_no_theme_already_matches():
    d = doc("Cross-border water rights and river basin councils.", "River basin councils share water rights.",
            "The river basin councils meet twice a year.")
    phrases = suggest_phrases(d, [WATER])
    assert "river basin councils" in phrases
    assert not any("water rights" in p for p in phrases)


def test_scoring_a_long_document_against_many_themes_finds_nothing_absent():
    themes = [Theme(f"t{i}", "T", "d", [f"word{i}", f"two words{i}", f"stem{i}*"]) for i in range(16)]
    d = doc(*["Seasonal workers picked apples in the orchard for many long weeks of work. " * 5] * 2000)
    hits = score(d, themes)
    assert hits == []  # no phrase of these themes occurs; the benchmark measures the speed


# One reading per paragraph for every theme (``matches_each``) must find what each theme's own
# regex finds, match for match: these texts try the places where the two could part.
MIGRATION = Theme("m", "M", "d", ["labo(u)r migra*", "rights of (all) migrants", "migrants’ rights", "migrant*",
                                  "co-operation", "human rights", "rights"])
ODD = Theme("odd", "Odd", "d", ["’twas", "-based", "_x", "é"])


def test_reading_once_for_every_theme_finds_what_each_theme_finds():
    texts = ["Labour migration, labor-migrants and LABOURMIGRATION.",
             "rights of all migrants; rights of migrants; migrants' rights; migrants’rights",
             "cooperation, co operation, co-operation; human rights-rights",
             "MIGRANTS İN ıRRİGATİON; ſeasonal workers; harveſt; orchards; orchard",  # letters that fold to i, s
             "’twas a rights-based _x café; é",
             "humanrights migrantsrights", ""]
    for text in texts:
        assert matches_each(text, [MIGRATION, FARM, WATER, ODD]) == [
            matches(text, t) for t in (MIGRATION, FARM, WATER, ODD)]
        assert [list(c) for c in matches_each(text, [MIGRATION, FARM])] == [
            list(matches(text, t)) for t in (MIGRATION, FARM)]  # the same order too (scores add up in it)


def test_every_match_starts_with_one_of_its_phrases_literal_prefixes():
    assert _literal_prefixes(_alternatives(("labo(u)r migra*",))) == {"labour", "labor"}
    assert _literal_prefixes(_alternatives(("rights of (all) migrants",))) == {"rights"}
    assert _literal_prefixes(_alternatives(("(all) migrants", "Co-operation"))) == {"all", "migrants", "co",
                                                                               "cooperation"}
    assert _literal_prefixes(_alternatives(("’twas",))) is None  # starts with a choice of apostrophes
    assert _literal_prefixes(_alternatives(("dignity", "é"))) is None  # not ASCII


def test_ignoring_case_an_ascii_letter_or_digit_matches_only_word_characters():
    # What lets a word alone tell which phrases may start at it (``themes._StartIndex``).
    import re
    import string
    import sys

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for ch in string.ascii_lowercase + string.digits:
        found = re.compile(ch, re.IGNORECASE).findall(every)
        assert all(f.isalnum() for f in found), ch
        assert {f for f in found if not f.isascii()} <= {"\u0130", "\u0131", "\u017f", "\u212a"}, ch  # İ ı ſ K


def test_one_generic_word_alone_never_carries_a_theme_however_often():
    d = doc("Harvest, harvest, harvest and harvest again.", "The harvest was late. The harvest was poor.")
    assert score(d, [FARM]) == []


def test_a_weight_from_themes_yml_changes_what_a_phrase_counts_for():
    heavy = Theme("farm-work", "Farm work", "Work on farms.", ["seasonal workers", "harvest*", "orchard"],
                  weights={"seasonal workers": 0.5})
    d = doc("Seasonal workers came.", "Seasonal workers left.")
    assert [h.theme for h in score(d, [FARM])] == ["farm-work"]
    assert score(d, [heavy]) == []


def test_a_paragraph_about_the_theme_makes_it_a_main_theme_a_passing_mention_does_not():
    treated = doc("Seasonal workers pick apples in the orchard for the harvest.")
    mentioned = doc("Seasonal workers came.", "Seasonal workers left.")
    assert score(treated, [FARM]) and main_of(treated, [FARM]) == {"farm-work"}
    assert score(mentioned, [FARM]) and main_of(mentioned, [FARM]) == set()


def test_a_run_in_label_counts_when_the_paragraph_under_it_treats_the_theme():
    # The body alone (harvest, orchard) weighs too little; with its label it is about farm work.
    d = doc("Seasonal workers: at harvest they sleep in the orchard.", "The buses left.")
    assert main_of(d, [FARM]) == {"farm-work"}
    assert main_of(doc("At harvest they sleep in the orchard.", "The buses left."), [FARM]) == set()


def test_a_run_in_label_over_a_paragraph_about_something_else_makes_nothing_main():
    d = doc("Seasonal workers: they came in May with their families.", "Seasonal workers left.")
    hits = score(d, [FARM])
    assert [h.theme for h in hits] == ["farm-work"] and main_of(d, [FARM]) == set()  # mentioned


def test_a_heading_counts_when_the_section_under_it_treats_the_theme():
    body = [Block("paragraph", "At harvest they sleep in the orchard."), Block("paragraph", "The buses left.")]
    treated = Document(Source("t.txt", "", ""), blocks=[Block("heading", "Seasonal workers", level=2), *body])
    assert main_of(treated, [FARM]) == {"farm-work"}
    elsewhere = Document(Source("t.txt", "", ""), blocks=[
        Block("heading", "Seasonal workers and the harvest", level=2),
        Block("paragraph", "Irrigation canals and water rights: water rights were sold with the irrigation canals."),
        Block("paragraph", "Seasonal workers left.")])
    assert main_of(elsewhere, [FARM, WATER]) == {"water"}


def test_a_section_takes_in_the_sections_under_it():
    # No article weighs enough alone; the part holding them is about water, the other about farms.
    def articles(*texts: str) -> list[Block]:
        return [b for n, t in enumerate(texts) for b in (Block("heading", f"Article {n}", level=3),
                                                          Block("paragraph", t))]
    d = Document(Source("t.txt", "", ""), blocks=[
        Block("heading", "Part one", level=2),
        *articles("Water rights pass to the heir.", "Irrigation needs a permit.", "Water rights may be sold.",
                  "Irrigation canals are shared."),
        Block("heading", "Part two", level=2),
        *articles("Seasonal workers need contracts.", "The harvest starts in May.",
                  "Orchard owners pay seasonal workers.")])
    assert main_of(d, [FARM, WATER]) == {"farm-work", "water"}


def test_a_paragraph_listing_several_themes_makes_none_of_them_main():
    listing = "Seasonal workers at the orchard harvest, and irrigation and water rights, and more irrigation."
    d = doc(listing, "Seasonal workers came.", "Water rights were sold.")
    hits = score(d, [FARM, WATER])
    assert {h.theme for h in hits} == {"farm-work", "water"} and main_of(d, [FARM, WATER]) == set()


def test_a_light_generic_word_adds_weight_but_never_the_hits_that_make_a_main_theme():
    light = Theme("farm-work", "Farm work", "Work on farms.", ["seasonal workers", "harvest*", "orchard"],
                  weights={"harvest*": 0.5, "orchard": 3})
    d = doc("The orchard harvest, the harvest festival, harvest songs and harvest bread.")
    assert score(d, [light]) and main_of(d, [light]) == set()


def test_a_document_without_headings_is_one_section_a_theme_can_dominate():
    # No paragraph weighs enough alone, the whole text is about water.
    d = doc("Water rights decide who opens the irrigation gates.", "Water rights are old; irrigation is older.",
            "Seasonal workers drink from the river too.")
    assert main_of(d, [FARM, WATER]) == {"water"}


def test_a_title_about_the_theme_makes_it_a_main_theme():
    titled = doc("Seasonal workers came.", "Seasonal workers left.", title="Seasonal workers in the orchard")
    untitled = doc("Seasonal workers came.", "Seasonal workers left.")
    made_up = replace(doc("Seasonal workers came.", "Seasonal workers left."),
                      meta=Metadata(title="Seasonal workers in the orchard", title_source="synthesised"))
    # A title the builder made up from the text is no evidence the text does not give.
    assert (main_of(titled, [FARM]) == {"farm-work"} and main_of(untitled, [FARM]) == set()
            and main_of(made_up, [FARM]) == set())


def test_a_title_naming_one_generic_word_alone_does_not_make_a_main_theme():
    d = doc("Seasonal workers came.", "Seasonal workers left.", "The harvest was poor.", title="The harvest")
    assert main_of(d, [FARM]) == set()


def test_a_paragraph_about_a_theme_is_an_aside_in_a_long_document_about_another():
    about_water = "Irrigation is scarce, irrigation canals are dry, water rights are disputed and water rights sold."
    about_farms = "Seasonal workers pick apples in the orchard for the harvest."
    short = doc(about_water, *[about_farms] * 2)
    long = doc(about_water, *[about_farms] * 20)
    hits = score(long, [FARM, WATER])
    assert main_of(short, [FARM, WATER]) == {"farm-work", "water"}
    assert main_of(long, [FARM, WATER]) == {"farm-work"} and "water" in [h.theme for h in hits]  # mentioned


def test_excerpt_is_the_sentence_whose_phrases_weigh_most_with_the_themes_yml_weights():
    light = Theme("farm-work", "Farm work", "Work on farms.", ["seasonal workers", "harvest*", "orchard"],
                  weights={"seasonal workers": 0.5, "orchard": 3})
    text = "Seasonal workers came in May. The orchard was ready."
    assert best_excerpt(text, FARM) == "Seasonal workers came in May."
    assert best_excerpt(text, light) == "The orchard was ready."


def test_different_phrases_scattered_one_a_paragraph_add_up_to_a_mention():
    # No paragraph is a passage (one single word each), but three different phrases over three
    # paragraphs weigh 3 together: the document mentions the theme, it is not about it.
    d = doc("The harvest began early.", "Rain fell on the orchard.", "Nothing here.", "Irrigation was repaired.")
    themes = [Theme("farm", "Farm", "d", ["harvest*", "orchard", "irrigation"])]
    hits, main = themes_found(d, themes)
    assert [(h.theme, [i for i, _ in h.passages]) for h in hits] == [("farm", [0, 1, 3])]
    assert main == []


def test_one_generic_word_scattered_over_paragraphs_is_no_mention():
    d = doc("The harvest began.", "A harvest festival.", "After the harvest.", "The harvest ended.")
    assert score(d, [FARM]) == []


def test_scattered_phrases_below_the_document_threshold_are_no_mention():
    d = doc("The harvest began early.", "Rain fell on the orchard.")
    assert score(d, [FARM]) == []


def test_scattered_phrases_are_an_aside_in_a_long_text_about_other_themes():
    farm = Theme("farm", "Farm", "d", ["harvest*", "orchard", "irrigation"])
    water = Theme("water", "Water", "d", ["water rights", "river basin*"])
    body = [f"Water rights of the river basins, part {n}: water rights again." for n in range(12)]
    d = doc("The harvest began early.", "Rain fell on the orchard.", "Irrigation was repaired.", *body)
    assert [h.theme for h in score(d, [farm, water])] == ["water"]
