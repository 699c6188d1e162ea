"""enrich.keywords: offline key phrases for unthemed documents and letter topics."""

from __future__ import annotations

from builder.enrich.keywords import extract


def test_a_repeated_phrase_is_a_key_phrase():
    text = "The river basin councils met. Later the river basin councils voted. Rain fell."
    assert extract(text, 1) == ["river basin councils"]


def test_phrases_keep_inner_stop_words_but_never_start_or_end_with_one():
    text = "They defend the rights of farmers. We all know the rights of farmers of the valley."
    phrases = extract(text, 5)
    assert "rights of farmers" in phrases
    assert not any(p.split()[0] in {"the", "of"} or p.split()[-1] in {"the", "of"} for p in phrases)


def test_a_phrase_seen_once_is_not_suggested():
    assert extract("Unique words appear here only once in this sentence.") == []


def test_a_phrase_inside_a_better_one_is_dropped():
    text = "river basin councils; river basin councils; river basin councils; river basin"
    assert extract(text, 5) == ["river basin councils"]


def test_punctuation_breaks_phrases():
    assert extract("water, rights. water, rights.", 3) == []


def test_excluded_phrases_are_left_out():
    text = "river basin councils and water rights. river basin councils and water rights."
    assert extract(text, 5, exclude=["water rights"]) == ["river basin councils"]


def test_result_is_deterministic():
    text = "alpha beta gamma. alpha beta gamma. delta epsilon. delta epsilon."
    assert extract(text) == extract(text) == ["alpha beta gamma", "delta epsilon"]


def test_accented_letters_are_part_of_the_word_in_french_spanish_and_swedish():
    assert extract("La secretaría de estado informó. La secretaría de estado respondió.", 1) == \
        ["secretaría de estado"]
    assert extract("Votre demande d'asile préalable. Une demande d'asile préalable.", 1) == \
        ["demande d'asile préalable"]
    assert extract("Din ansökan om uppehållstillstånd avslås. Din ansökan om uppehållstillstånd.", 1) == \
        ["ansökan om uppehållstillstånd"]


def test_function_words_of_other_languages_never_start_or_end_a_phrase():
    text = "Las personas migrantes llegan. Las personas migrantes esperan. Del pueblo. Del pueblo."
    assert extract(text, 3) == ["personas migrantes"]
