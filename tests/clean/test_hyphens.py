"""clean/hyphens: a line-end hyphen joins a split word and keeps a true compound."""

from __future__ import annotations

import subprocess
import sys

from cleankit import ROOT, clean_text


def paragraph(text: str) -> str:
    doc = clean_text(text)
    return doc.blocks[0].text


def test_joins_a_word_split_at_the_line_end():
    assert "regional cooperation among" in paragraph("It calls for regional coopera-\ntion among States.\n")


def test_keeps_the_hyphen_of_a_true_compound():
    assert "awareness-raising tools" in paragraph("They acquired the necessary awareness-\nraising tools.\n")


def test_keeps_the_hyphen_before_a_digit_or_a_capital():
    assert "post-2015 agenda" in paragraph("In the informal group on the post-\n2015 agenda of the UN.\n")
    assert "non-UN partners" in paragraph("Work with all the non-\nUN partners in the region.\n")


def test_evidence_in_the_document_wins_over_the_word_list():
    text = ("We met the stake-\nholders of the project. The stakeholders agreed. Other stakeholders did too.\n")
    assert paragraph(text).startswith("We met the stakeholders of the project.")
    text = ("We need cross-\ncutting work. Cross-cutting issues matter. More cross-cutting work.\n")
    assert paragraph(text).startswith("We need cross-cutting work.")


def test_counts_joined_and_kept_hyphens():
    doc = clean_text("Regional coopera-\ntion and awareness-\nraising tools.\n")
    assert doc.stats["hyphens_joined"] == 1
    assert doc.stats["hyphens_kept"] == 1


def test_a_spaced_dash_at_the_line_end_is_not_a_hyphen():
    assert "borders - it can" in paragraph("It happens across borders -\nit can also be domestic.\n")


def test_wordfreq_is_imported_only_when_a_line_end_hyphen_needs_it():
    code = ("import sys; from builder.clean import clean; from builder.read import decode;"
            "clean(decode('a.txt', b'A plain text with no hyphen at a line end.\\n'));"
            "print('wordfreq' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_word_before_a_line_end_hyphen_is_found_however_long_the_line_before_it():
    from builder.clean.text.blocks import _WORD_BEFORE, _word_before

    for text in ("a" * 100 + "-", "x " * 40 + "b" * 70 + "-", "x " * 40 + "réglemen-", "x " * 40 + "1-", "word-"):
        got, want = _word_before(text), _WORD_BEFORE.search(text)
        assert (got and got.span()) == (want and want.span()), text


FRENCH = ("Le rapport de la commission sur les droits des travailleurs migrants est publié. La loi qui est en "
          "vigueur pour les migrants dans une région du pays et aux frontières est claire. Les États ont des "
          "obligations et le Conseil est saisi des questions qui sont posées par les personnes. ")
SPANISH = ("El informe de la comisión sobre los derechos de los trabajadores migrantes se publica. La ley que "
           "está en vigor para las personas en la región y en las fronteras es clara. Los Estados tienen "
           "obligaciones con los migrantes y el Consejo se ocupa de las cuestiones que se plantean. ")


def test_a_french_word_split_at_the_line_end_is_joined_with_the_french_word_list():
    assert "un niveau supérieur de" in paragraph(FRENCH + "Ils ont atteint un niveau supé-\nrieur de protection.\n")


def test_a_french_compound_keeps_its_hyphen():
    assert "le porte-parole du" in paragraph(FRENCH + "Selon le porte-\nparole du ministère, rien ne change.\n")


def test_a_spanish_word_split_at_the_line_end_is_joined_with_the_spanish_word_list():
    assert "la inmigración irregular" in paragraph(SPANISH + "Se trata de la inmigra-\nción irregular en el país.\n")


def test_spanish_compounds_keep_their_hyphen():
    text = SPANISH + "El programa socio-\neconómico de los ex-\ncombatientes sigue.\n"
    assert "programa socio-económico de los ex-combatientes sigue" in paragraph(text)


def test_the_word_list_is_the_documents_language_and_english_by_default():
    from builder.clean.text.hyphens import document_language

    assert document_language(FRENCH) == "fr"
    assert document_language(SPANISH) == "es"
    assert document_language("Une phrase courte.") == "en"


FRENCH = "Le ministère a examiné la situation des travailleurs et la plupart des employeurs dans une région du pays. "
SPANISH = "El ministerio ha examinado la situación de los trabajadores y la mayoría de los empleadores en la región. "
GERMAN = ("Das Ministerium hat die Lage der Arbeitskräfte geprüft und stellt fest, dass die meisten "
          "Arbeitgeber sich an die Regeln halten. ")


def test_a_short_french_text_keeps_a_french_compound():
    assert "rendez-vous en préfecture" in clean_text(f"{FRENCH}\nPrenez rendez-\nvous en préfecture.\n").blocks[0].text


def test_a_rare_word_of_the_law_split_at_the_line_end_is_joined():
    text = paragraph(f"{SPANISH}\nSe aplicarán las deroga-\nciones previstas en la ley.\n")
    assert "las derogaciones previstas" in text


def test_a_prefixed_compound_with_a_rare_solid_form_keeps_its_hyphen():
    assert "los ex-combatientes del" in paragraph(f"{SPANISH}\nSe atiende a los ex-\ncombatientes del conflicto.\n")


def test_a_word_split_at_its_compound_seam_is_joined_when_the_whole_is_common():
    assert "legal framework of" in paragraph("They studied the legal frame-\nwork of the region and its laws.\n")


def test_a_solid_compound_language_joins_a_lower_case_continuation():
    text = paragraph(f"{GERMAN}\nDie Prüfung aufenthalts-\nrechtlicher Fragen dauert an.\n")
    assert "Prüfung aufenthaltsrechtlicher Fragen" in text


def test_a_suspended_hyphen_before_a_conjunction_keeps_the_hyphen_and_the_space():
    assert "Die Kinder- und Jugendhilfe hilft" in paragraph(f"{GERMAN}\nDie Kinder-\nund Jugendhilfe hilft.\n")


def test_a_suspended_hyphen_before_or_keeps_its_space():
    assert "ein- oder zweimal" in paragraph(f"{GERMAN}\nEr kam ein-\noder zweimal im Jahr.\n")


def test_a_french_suspended_hyphen_before_et_keeps_its_space():
    assert "le suivi pré- et post-natal" in paragraph(f"{FRENCH}\nIl assure le suivi pré-\net post-natal des mères.\n")


def test_a_swedish_suspended_hyphen_before_och_keeps_its_space():
    text = paragraph("Det är viktigt att kommunen har ansvar för barn-\noch ungdomsvård och att den "
                     "inte är en fråga som står på listan för staten med till den.\n")
    assert "barn- och ungdomsvård" in text


def test_a_suspended_hyphen_keeps_its_space_in_a_text_of_another_language():
    assert "Kinder- und Jugendhilfe" in paragraph("The law on Kinder-\nund Jugendhilfe was passed.\n")


def test_a_word_in_capitals_split_at_the_line_end_is_joined():
    assert "THE GENERAL ASSEMBLY OF" in paragraph("THE GENERAL ASSEM-\nBLY OF THE UNITED NATIONS\n")


def test_a_compound_in_capitals_keeps_its_hyphen():
    assert "CROSS-BORDER" in paragraph("ON CROSS-\nBORDER COOPERATION\n")


def test_a_capital_word_before_a_number_keeps_its_hyphen():
    assert "COVID-19 PANDEMIC" in paragraph("DURING THE COVID-\n19 PANDEMIC\n")


def test_a_capital_word_before_a_capitalised_word_keeps_its_hyphen():
    assert "NON-State actors" in paragraph("They met NON-\nState actors in the region.\n")


ITALIAN = ("Il ministero ha esaminato la situazione dei lavoratori e la maggior parte dei datori di lavoro "
           "che sono nella regione per il paese. ")


def test_an_italian_word_split_at_the_line_end_is_joined():
    assert "un chiarimento sulla" in paragraph(f"{ITALIAN}\nSi chiede un chiari-\nmento sulla norma.\n")


def test_an_italian_verb_with_an_enclitic_pronoun_split_at_the_line_end_is_joined():
    assert "possono permanervi per" in paragraph(f"{ITALIAN}\nGli stranieri possono perma-\nnervi per un anno.\n")


def test_an_italian_word_with_a_prefix_written_solid_is_joined():
    assert "sono protetti dalla" in paragraph(f"{ITALIAN}\nI minori sono pro-\ntetti dalla legge.\n")


def test_an_italian_word_split_into_two_words_is_joined_when_the_whole_is_a_word():
    assert "un caso trattabile dal" in paragraph(f"{ITALIAN}\nÈ un caso tratta-\nbile dal giudice.\n")


def test_an_italian_hyphenated_compound_keeps_its_hyphen():
    assert "il decreto-legge n." in paragraph(f"{ITALIAN}\nSi applica il decreto-\nlegge n. 13 del 2017.\n")


def test_a_spanish_word_split_before_an_ending_that_is_also_a_word_is_joined():
    assert "los datos mejorados por" in paragraph(f"{SPANISH}\nSe usan los datos mejora-\ndos por el equipo.\n")


PORTUGUESE = ("O ministério examinou a situação dos trabalhadores e a maioria dos empregadores que estão na "
              "região para o país, com uma lei que não é clara. ")


def test_a_portuguese_word_split_before_an_ending_that_is_also_a_word_is_joined():
    assert "foram superadas pelo" in paragraph(f"{PORTUGUESE}\nAs dificuldades foram supera-\ndas pelo grupo.\n")


def test_a_portuguese_compound_keeps_its_hyphen():
    assert "o bem-estar das" in paragraph(f"{PORTUGUESE}\nA lei protege o bem-\nestar das crianças.\n")


def test_a_suspended_hyphen_before_bis_keeps_its_space():
    assert "zwei- bis dreimal" in paragraph(f"{GERMAN}\nEr kam zwei-\nbis dreimal im Jahr.\n")


def test_an_italian_verb_with_an_enclitic_pronoun_that_ends_like_a_shorter_one_is_joined():
    from builder.clean.text.hyphens import _whole, zipf

    assert _whole("permanergli", "it") == zipf("permanere", "it") > 0


SWEDISH = ("Det är viktigt att kommunen har ansvar för det som är en fråga för staten och att den "
           "inte har en plats med till den som är av vikt. ")


def test_a_swedish_word_split_at_the_line_end_is_joined():
    assert "som återvänder till" in paragraph(f"{SWEDISH}\nDen som åter-\nvänder till landet.\n")


def test_a_rare_whole_less_likely_than_its_left_part_keeps_the_hyphen_and_is_reported():
    doc = clean_text("Equally cer-\nto be rewarding are the studies of the methods used in the home.\n")
    assert "cer-to be" in doc.blocks[0].text
    assert any("cer-to" in w for w in doc.warnings)
