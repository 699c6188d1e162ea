"""Patterns and word lists the rules share: sentence ends, list markers, line-end hyphens, dates.

Plain functions and compiled patterns over strings; imports nothing from the rules.
"""

from __future__ import annotations

import itertools
import re

_CLOSERS = "”\"’')]»›“‘ \u00a0\u202f"
"""Closing quotes and brackets of English, French (``!\u00a0»``), German (``“``, ``‘``), and the
spaces French puts before them."""

ABBREVIATIONS = {
    "en": "Mr Mrs Ms Dr Prof Art Arts art arts No Nos para paras p pp vol vols ch cf e.g i.e",
    "fr": "M MM Mme Mmes Mlle Mlles Me Mgr Dr Pr art arts chap cf p pp vol",
    "es": "Sr Sres Sra Sras Srta D Dña Dr Dra Excmo Excma Ud Uds art arts núm núms apdo cap pág págs vol",
    "de": "Nr Abs Art Dr Prof Hr Fr S z z.B d.h vgl bzw ggf ca Bd Ziff lit",
    "pt": "Sr Sra Srs Dr Dra art arts pág vol",
}
"""Per language, words written with a final period that never ends a sentence (case as written:
``M.`` before a name, ``art.`` before a number; not ``etc.``, ``al.`` or ``usw.``, which may).
Cleaning reads a document before its language is known, so a line end is checked against every
language's words; none of them ends a sentence in another of these languages."""
NUMBER_WORDS = frozenset("art arts Art Arts No Nos n° nº n.º Nº N° núm núms Nr p pp pág págs para paras "
                         "§ §§ Abs vol vols chap cap apdo lit Ziff".split())
"""Words that a number follows (``art. 12``, ``n° 5``, ``núm. 3``, ``Nr. 5``): a line ending in
one of them continues on the next line's number, which is no list item."""
_ABBREVIATED = frozenset(w for words in ABBREVIATIONS.values() for w in words.split())
HONORIFICS = ("Mr Mrs Ms Mx Dr Dra Prof M MM Mme Mmes Mlle Me Sr Sres Sra Sras Srta D Dña Excmo Excma Hr Fr "
              "H.E S.E")
"""Titles written with a final period before a person's name, in the languages of ``ABBREVIATIONS``."""
_HONORIFIC = "|".join(re.escape(w) for w in sorted(HONORIFICS.split(), key=len, reverse=True))
SPEAKER_COLON = re.compile(rf"^(?P<label>(?:{_HONORIFIC})\.\s+[^\W\d_][^.!?:;\n]{{0,60}}?\s?:)\s+(?=\S)")
"""A speaker's label in a record or transcript, a titled name (a country or role in brackets)
and a colon: ``Mr. Smith (France): …``, ``M. Dupont (Belgique) : …``, ``Sra. Gómez: …``."""
_CAPS = "A-ZÀ-ÖØ-Þ"
SPEAKER_STOP = re.compile(rf"^(?P<label>[A-Z][a-z]{{0,3}}\.?\s+[{_CAPS}][{_CAPS}'’-]+(?:\s+[{_CAPS}][{_CAPS}'’-]+)"
                          rf"{{0,3}}(?:\s+(?:of|from|de|del|du)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?\.)\s+"
                          r"(?=[A-Z(“\"‘])")
"""A speaker's label in a parliamentary record: an article or a title, then a role or a surname in
capitals closed by a full stop (``The SPEAKER. …``, ``The VICE PRESIDENT. …``, ``Mr. ROGERS of
Kentucky. …``); a label only where the record opens several paragraphs so (``structure.run_in_labels``)."""


def _last_word(text: str) -> str:
    """The last word of ``text``, without an opening bracket or an elided article (``l'art.``)."""
    return text[text.rfind(" ") + 1:].lstrip("(").rpartition("'")[2].rpartition("’")[2]


def abbreviation_end(text: str) -> bool:
    """``text`` ends with an abbreviation's period (``… par M.``, ``… el Sr.``, ``… z.B.``)."""
    return text.endswith(".") and _last_word(text)[:-1] in _ABBREVIATED


def number_follows(text: str) -> bool:
    """``text`` ends with a word a number follows (``… de l'art.``, ``… n°``, ``… Nr.``)."""
    return _last_word(text).rstrip(".") in NUMBER_WORDS


_NBSP = re.compile("\u00a0")


def _nbsp(m: re.Match[str]) -> str:
    text, at = m.string, m.start()
    before, after = text[at - 1:at], text[at + 1:at + 2]
    typographic = before in ("«", "‹") or (after and after in ":;!?»›%€") or (before.isdigit() and after.isdigit())
    return "\u00a0" if typographic else " "


def layout_spaces(text: str) -> str:
    """No-break spaces (U+00A0) as plain spaces, but for the typographic ones: French spacing
    before ``:;!?»›%€`` and after ``«‹``, and between the digits of a number (``1\u00a0500``).
    Narrow no-break spaces (U+202F) are always typographic and never reach here.

    >>> layout_spaces("déclaré\u00a0: «\u00a0Oui\u00a0»\u00a0et\u00a0non")
    'déclaré\xa0: «\xa0Oui\xa0» et non'
    """
    return _NBSP.sub(_nbsp, text) if "\u00a0" in text else text


class _SentenceEnd:
    """``search(text)``: does ``text`` end a sentence (``.!?:;…``, then closing quotes or
    brackets; a colon and dash ``:-``)? Not after an abbreviation (``M.``, ``Sr.``, ``art.``:
    ``ABBREVIATIONS``). Looks
    at the end only, so it is cheap on long paragraphs."""

    @staticmethod
    def search(text: str) -> bool:
        text = text.rstrip(_CLOSERS)
        if text.endswith((":-", ":—", ":–")):
            return True  # a typewriter's colon and dash (``… have been fixed:-``) introduces what follows
        return bool(text) and text[-1] in ".!?:;…" and not abbreviation_end(text)


SENTENCE_END = _SentenceEnd()
BULLET = re.compile(r"^(?:[-*+•▪◦●‣∙·■□♦◆➢➤►▶✓✔Ø\uf0b7\uf0a7\uf0d8\uf076\uf0fc]|§(?!\s*\d)"
                    r"|u(?=\s+[A-Z“\"(])|o(?=\s+[A-Z“\"(]))\s+")
NUMBERED = re.compile(r"^(?:(\d{1,3})[.)]|\((\d{1,3}|[a-z]|[ivx]{1,5}|[A-Z]|[IVX]{1,5})\)|([a-z])\))\s+")
_LIST_FIRST = frozenset("-*+•▪◦●‣∙·■□♦◆➢➤►▶✓✔Ø§\uf0b7\uf0a7\uf0d8\uf076\uf0fc(abcdefghijklmnopqrstuvwxyz")
"""The characters other than digits a ``BULLET`` or ``NUMBERED`` match starts with."""


def list_marker(text: str) -> re.Match[str] | None:
    """``BULLET.match(text) or NUMBERED.match(text)``, after a quick look at the first character
    (most lines start with a capital, which neither can)."""
    first = text[:1]
    if first not in _LIST_FIRST and not first.isdecimal():  # (``\d`` is any decimal digit)
        return None
    return BULLET.match(text) or NUMBERED.match(text)


def hyphen_end(text: str) -> bool:
    """``coopera-`` (a letter, then a hyphen, at the end); not `` -`` nor ``2-``."""
    return len(text) > 1 and text[-1] == "-" and text[-2].isalpha()


_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
           "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
           "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
           "janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|"
           "gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
           "januar|februar|märz|juni|juli|oktober|dezember|januari|februari|maart|mei|augustus|maj|augusti")
"""Month names and abbreviations in English, French, Spanish, Portuguese, Italian, German, Dutch
and Swedish (lower case; matched without regard to case)."""
DATE_LINE = re.compile(
    rf"^(?:[^\W\d_][\w .'-]{{0,40}},\s+)?(?:(?:le|the|on|el)\s+)?"
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:of\s+|de\s+)?(?:{_MONTHS})\.?,?\s+(?:de\s+)?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})\.?$", re.IGNORECASE)

DATE_AT_END = re.compile(
    rf"(?P<date>(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:of\s+|de\s+)?(?:{_MONTHS})\.?,?\s+(?:de\s+)?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}))\W{{0,3}}$", re.IGNORECASE)
"""A line that ends with a date: ``Modified on 04/08/2012``, ``Version of 3 March 2021``."""
DATE_IN_LINE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s+(?:of\s+|de\s+)?(?:{_MONTHS})\.?,?\s+(?:de\s+)?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.IGNORECASE)
"""A date anywhere in a line (``Viernes 5 de junio de 2015``)."""

BRACKETED_LINE = re.compile(r"^\[[^\[\]\n]{1,160}\]$")
"""A line wholly in square brackets: a publisher's or editor's label (``[House]``,
``[Pages H1473-H1478]``, ``[June 1947]``), never a title nor part of a sentence."""
IMAGE_PLACEHOLDER = re.compile(
    r"^\[(?:image|img|photo|photograph|picture|figure|illustration|graphic|imagen|imagem|ilustración|ilustração|"
    r"foto|fotografía|fotografia|bild|abbildung|grafik|immagine|afbeelding|figur)\b[^:\[\]]{0,30}:\s*[^\[\]]{3,}\]$",
    re.IGNORECASE)
"""What a converter or scraper writes where an image was: ``[Image: A child looks through a fence]``,
``[Foto: …]``, ``[Bild: …]``; the description is the image's caption."""
PERIODICAL_HEADER = re.compile(
    r"\b(?:vol(?:ume)?|tome|band|bd|año|anno|jahrgang|årgång)\.?\s*[\dIVXLC]+\b[^\n]{0,40}?"
    r"\b(?:no|number|num|núm|nr|issue|n°|nº|numéro|número|heft)\.?\s*\d+", re.IGNORECASE)
"""A periodical's running header: ``Official Record Volume 160, Number 16 (…)``, ``Vol. 12 No. 3``."""
WEB_ADDRESS = re.compile(r"\bhttps?://|\bwww\.[\w-]+\.", re.IGNORECASE)

# ----------------------------------------------------------------------------- structure words

FUNCTION_WORDS = frozenset(
    "a an the of and or for to in on at by with from into under over between against as "
    "de du des la le les l' et ou pour par en au aux sur dans "
    "del los las el y e o para con por en sobre da do dos das em no na "
    "der die das den dem des und oder für von zu im am mit auf".split())
"""Words a wrapped line can end with when the phrase goes on (``Office of the`` / ``High…``)."""

KEYWORD_HEADING = re.compile(
    r"^(?P<kw>part|partie|parte|teil|book|livre|libro|buch|title|titre|t[íi]tulo|titel|chapter|chapitre|"
    r"cap[íi]tulo|kapitel|sub-?section|section|secci[óo]n|abschnitt|article|art[íi]culo|artigo|artikel|art\.|§§?)"
    r"\s*(?P<num>[IVXLC]{1,7}|\d{1,4}(?:[.-][\dA-Za-z]{1,3}){0,3}|[A-Z]|1er|premier|first|primero|[úu]nico|unique)"
    r"(?:er|\.?[ºª°]|o)?(?:-[A-Z](?![^\W\d_]))?(?:\s+(?:bis|ter|quater|quinquies|sexies))?(?=$|[\s.:)–—-])[.:)]?",
    re.IGNORECASE)
"""A section title named by its kind and number, in several languages: ``Article 5``,
``Artículo 3.``, ``Article 1er``, ``Art. 5``, ``§ 5``, ``CHAPTER II``, ``Capítulo I``, ``Titre III``,
``Artigo 1.º``, ``Artigo 17.º-A`` (a Portuguese ordinal, an inserted article)."""

KEYWORD_RANK = (("part", "partie", "parte", "teil", "book", "livre", "libro", "buch"),
                ("title", "titre", "título", "titulo", "titel"),
                ("chapter", "chapitre", "capítulo", "capitulo", "kapitel"),
                ("section", "sección", "seccion", "abschnitt"),
                ("subsection", "sub-section"),
                ("article", "artículo", "articulo", "artigo", "artikel", "art.", "§", "§§"))
"""The usual nesting of the kinds a ``KEYWORD_HEADING`` names, outermost first."""


KEYWORD_TITLE_WORDS = 12
"""Words a unit's title may have to make a heading on its own: a longer one needs the document's
numbering to show an act's structure (``rules.structure.act_titles``)."""


def keyword_heading(text: str) -> re.Match[str] | None:
    """``KEYWORD_HEADING`` when ``text`` is a short section title (``Artículo 2. Ámbito de
    aplicación.``), not a sentence that starts with the word (``Article 5 of the Convention
    provides that …``)."""
    m = numbered_unit(text)
    if m is None or len(text[m.end():].strip(" .:–—-").split()) > KEYWORD_TITLE_WORDS:
        return None
    return m


def numbered_unit(text: str) -> re.Match[str] | None:
    """``KEYWORD_HEADING`` when ``text`` is a unit's number with a title of any length, one
    sentence at most (``Artículo 9. Mantenimiento a título personal del derecho …, en relación
    con el titular del derecho de residencia.``), not a sentence that starts with the word."""
    m = KEYWORD_HEADING.match(text)
    if not m:
        return None
    rest = text[m.end():].strip(" .:–—-")
    if text.endswith((":", ";", ",")) or (rest[:1].islower() and m.group("kw") != "§"):
        return None
    if m.group("kw")[:1].islower() and not m.group("kw").startswith("§"):
        return None  # "article 5 of …" in lowercase: a wrapped sentence, not a title
    if rest.count(". ") > 1 or rest.endswith(("!", "?")):
        return None
    return m


SENTENCE_VERBS = frozenset(
    "shall is are was were will would must should can has have "
    "est sont sera seront doit doivent peut peuvent ont "
    "es será serán podrá podrán deberá deberán debe deben puede pueden ha han "
    "ist sind wird werden kann können muss müssen soll sollen hat haben "
    "é são será serão deve devem pode podem "
    "är skall ska kan får har".split())
"""Auxiliary and modal verbs of English, French, Spanish, German, Portuguese and Swedish: a
line holding one is a sentence (``This act shall take effect …``), not a unit's title
(``Retention of the right of residence in case of death …``). Not the words that are also
prepositions, pronouns or months elsewhere (``a``, ``son``, ``may``)."""


def reads_as_sentence(text: str) -> bool:
    """``text`` holds an auxiliary or modal verb (``SENTENCE_VERBS``): a sentence, not a title."""
    return any(w.strip(",.;:()«»“”\"'").lower() in SENTENCE_VERBS for w in text.split())


GENRE_LABELS = frozenset(
    "summary|abstract|overview|introduction|preamble|news|press release|news release|media release|"
    "press statement|statement|fact sheet|factsheet|briefing|briefing note|note|memo|memorandum|"
    "communiqué|communiqué de presse|communique|actualités|actualité|résumé|sommaire|dossier de presse|"
    "comunicado|comunicado de prensa|nota de prensa|nota informativa|noticias|resumen|"
    "pressemitteilung|mitteilung|zusammenfassung|nachrichten|pressmeddelande|nyheter|sammanfattning|"
    "notícias|resumo|nota à imprensa|comunicato stampa|sintesi|press|media|update|report|letter|"
    "faq|faqs|home|menu|contents|table of contents|"
    "for immediate release|immediate release|for release|embargoed|news release|media advisory|"
    "pour diffusion immédiate|pour publication immédiate|diffusion immédiate|information presse|"
    "para publicación inmediata|para difusión inmediata|difusión inmediata|"
    "zur sofortigen veröffentlichung|zur sofortigen freigabe|sperrfrist|"
    "för omedelbar publicering|"
    "para divulgação imediata|nota de imprensa|comunicado de imprensa|comunicado à imprensa|"
    "per la diffusione immediata|comunicato|persbericht|nieuwsbericht".split("|"))
"""Labels of a document's genre or a site's section, in several languages: never a title on
their own (``For Immediate Release``, ``Communiqué de presse``, ``Pressemitteilung``)."""
_LABEL_NUMBER = re.compile(r"\s*(?:(?:no|nr|n°|nº|n\.º|núm|num|number|numéro|número|nummer)\.?\s*)?"
                           r"\d[\d/.:-]*$", re.IGNORECASE)
"""A number after a genre label: ``Pressemitteilung Nr. 14/2022``, ``Press release No. 12``."""

_LANGUAGES = ("english|anglais|inglés|ingles|englisch|engelska|inglês|inglese|"
              "french|français|francais|francés|frances|französisch|franska|francês|francese|"
              "spanish|espagnol|español|espanol|spanisch|spanska|espanhol|spagnolo|"
              "german|allemand|alemán|aleman|deutsch|tyska|alemão|tedesco|"
              "portuguese|portugais|portugués|portugiesisch|portugisiska|português|portoghese|"
              "italian|italien|italiano|italienisch|italienska|arabic|arabe|árabe|arabisch|arabiska|"
              "russian|russe|ruso|russisch|ryska|russo|chinese|chinois|chino|chinesisch|kinesiska|"
              "svenska|swedish|suédois|sueco|schwedisch|nederlands|dutch|néerlandais|"
              "en|fr|es|de|pt|it|ar|ru|zh|sv|nl")
LANGUAGE_NOTE = re.compile(
    r"^(?:(?:original|originale|langue originale|idioma original|originalsprache|originalspråk|"
    r"language|langue|idioma|sprache|språk|distr|distribution|diffusion|distribución|verteilung)"
    r"\s*\.?\s*:\s*\S[^\n]{0,40}"
    rf"|(?:{_LANGUAGES})(?:\s*[|/·•,]\s*(?:{_LANGUAGES}))+)\W*$", re.IGNORECASE)
"""A language or distribution note of an official document (``Original: English``,
``Distr.: General``, ``Original : français``), or a language switcher (``Español | English``,
``EN / FR``)."""
CAPTION = re.compile(
    r"^(?:table|tableau|tabla|tabela|tabelle|tabell|tabella|figure|figura|abbildung|abb|figur|"
    r"chart|graph|graphique|gráfico|grafico|diagramm|diagram|box|encadré|recuadro|kasten|map|carte|mapa|karte)"
    r"\.?\s+(?:[A-Z]?\d+(?:[.-]\d+)*|[IVXLC]+|[A-Z])\b\s*[.:–—-]?", re.IGNORECASE)
"""A table's or figure's caption: ``Table 1: …``, ``Tableau 2 – …``, ``Abbildung 3.1 …``."""
PAGE_HEADER = re.compile(r"\b(?:page|pág|página|pagina|seite|sida|side|blz|s|p)\.?\s+\d+\b", re.IGNORECASE)
"""A page number in a running header: ``… Sec. I. Pág. 48712``, ``Seite 4``."""
_ISSUE_NUMBER = re.compile(r"\b(?:no|nr|núm|num|n°|nº|numéro|número|nummer|issue)\.?\s*\d+", re.IGNORECASE)

BREADCRUMB = re.compile(r"\S\s+(?:>|›|»|→|/|\||::)\s+\S")
"""A trail of links joined by separators: ``Home > News > …``, ``Home / …``."""
_HOME = re.compile(r"^(?:home|inicio|accueil|startseite|início|hem|home page|página de inicio)\b", re.IGNORECASE)

DOC_SYMBOL = re.compile(r"^[A-Z][A-Za-z]{0,9}(?:[/.-]\(?[A-Za-z0-9]+\)?){1,8}$")
"""A document symbol or reference: ``A/RES/80/9``, ``E/CN.4/2004/6``, ``BOE-A-2007-4184``."""


SKIP_LINK = re.compile(
    r"^(?:(?:skip|jump|go)\s+(?:directly\s+)?to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|search|menu)"
    r"|(?:aller|passer|accéder)\s+(?:directement\s+)?(?:au|à\s+la)\s+(?:contenu|navigation|recherche|menu)"
    r"|(?:ir|saltar|pular)\s+(?:directamente\s+)?(?:al|a\s+la|para\s+o|para\s+a|ao)\s+"
    r"(?:contenido|conteúdo|navegación|navegação|búsqueda|pesquisa|menú|menu)"
    r"|(?:direkt\s+)?zu[mr]?\s+(?:hauptinhalt|inhalt|navigation|suche)(?:\s+springen)?"
    r"|naar\s+(?:de\s+)?(?:hoofdinhoud|inhoud|navigatie|zoeken|menu)(?:\s+gaan)?"
    r"|(?:hoppa|gå)\s+(?:direkt\s+)?till\s+(?:huvudinnehåll|innehåll|navigering|sök)\w*"
    r"|(?:vai|salta)\s+(?:al|alla)\s+(?:contenuto|navigazione|ricerca))(?:\s+(?:principal|principale|page))?$",
    re.IGNORECASE)
"""A web page's skip link, in several languages: ``Skip to main content``, ``Aller au contenu``,
``Ir al contenido``, ``Zum Inhalt springen``, ``Naar hoofdinhoud gaan``, ``Hoppa till
huvudinnehållet``, ``Vai al contenuto``: a link for screen readers, never a title."""
CLASSIFICATION = re.compile(
    r"^(?:top\s+secret|secret|(?:strictly\s+)?confidential|restricted|unclassified|limited|sensitive|"
    r"official(?:[\s-]+sensitive)?|for\s+official\s+use\s+only|not\s+for\s+publication|"
    r"confidentiel|secret\s+défense|diffusion\s+restreinte|restreint|non\s+classifié|"
    r"confidencial|reservado|secreto|difusión\s+limitada|restrito|"
    r"vertraulich|geheim|streng\s+geheim|(?:vs\s*-\s*)?nur\s+für\s+den\s+dienstgebrauch|"
    r"riservato|riservatissimo|segreto|hemlig|hemligt|konfidentiell|vertrouwelijk|staatsgeheim)$", re.IGNORECASE)
"""A security classification marking, in several languages: ``RESTRICTED``, ``CONFIDENTIAL``,
``Diffusion restreinte``, ``Reservado``, ``VS-Nur für den Dienstgebrauch``, ``Riservato``,
``Hemlig``: printed above or below a text, never its title nor a section's name."""
_PARTICLE = r"(?:van|von|der|den|de|da|di|del|la|le|du|dos|das|ten|ter)"
_NAME = rf"[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:{_PARTICLE}\s+)*[A-ZÀ-Þ][\w'’.-]*){{1,3}}"
NAME_LINE = re.compile(rf"^{_NAME}$")
"""A person's name alone on a line: two capitalised words or more (``Yefim Zarjevski``, ``Ana de la Cruz``)."""
BYLINE = re.compile(
    rf"^(?i:by|par|por|von|di|door|av|written\s+by|reported\s+by|text\s+by|texte\s+de|texto\s+de)\s+"
    rf"{_NAME}(?:(?:\s*,\s*|\s+(?:and|&|et|y|e|und|och|en|ed)\s+){_NAME}){{0,4}}(?:\s*[,|–—-]\s*[^\n]{{0,40}})?$")
"""A byline: ``By Elena Markou and Tom Whitfield``, ``Par Marie Dupont et Jean Martin``, ``Von
Anna Schmidt``: who wrote a story (each name two capitalised words or more), never its headline."""
REFERENCE_LINE = re.compile(
    r"^(?:prot(?:ocollo)?\.?(?:\s*n\.?)?|(?:our|your|my)\s+ref(?:erence)?\.?|ref(?:erence)?\.?(?:\s*no\.?)?|"
    r"[nv]\s*/\s*r[ée]f\.?|r[ée]f(?:[ée]rence)?\.?|ref\.ª|referência|rif(?:erimento)?\.?|"
    r"(?:unser|ihr)e?\s+zeichen|aktenzeichen|az\.?|gz\.?|geschäftszeichen|dnr\.?|diarienummer|"
    r"(?:vår|er)?\s*beteckning|(?:ons|uw)?\s*kenmerk|expediente|exp\.?|file\s+no\.?|our\s+file)"
    r"(?![^\W\d_])\s*[:.]?\s*(?=\S*\d)\S+(?:\s+\S+){0,5}$", re.IGNORECASE)
"""A reference or registry line: ``Prot. n. 0004127 del 15/02/2022``, ``Our ref.: ABC/12``,
``N/Réf. : 2021-118``, ``Aktenzeichen: 3 K 12/21``, ``Dnr 1.3.2-2022-118``, ``Ons kenmerk
2023-0412``: a file's number (a code, a few words at most), never a title."""
SOURCE_NOTE = re.compile(
    r"^(?:sources?|notes?|fuentes?|nota|notas|quellen?|anmerkung(?:en)?|hinweis|källa|källor|anm|fonte|fontes|"
    r"bron(?:nen)?|opmerking|remarque)\s*\.?\s*:\s*\S", re.IGNORECASE)
"""A table's or figure's source or note line: ``Source: Eurostat (…)``, ``Note: … provisional``,
``Fuente: INE``, ``Quelle: BAMF``: it belongs to a table, never titles the document."""
GAZETTE = re.compile(
    r"^(?:(?:the\s+)?(?:official\s+journal|official\s+gazette|government\s+gazette|federal\s+register)|"
    r"journal\s+officiel|bulletin\s+officiel|moniteur\s+belge|bolet[íi]n\s+oficial|diario\s+oficial|"
    r"di[áa]rio\s+(?:da\s+rep[úu]blica|oficial)|boletim\s+oficial|gazzetta\s+ufficiale|bollettino\s+ufficiale|"
    r"bundesgesetzblatt|bundesanzeiger|amtsblatt|gesetzblatt|staatsblad|staatscourant|"
    r"svensk\s+författningssamling)\b[^\n]{0,80}$", re.IGNORECASE)
"""An official gazette's name, with its series, number or date: ``Diário da República, 1.ª
série``, ``Boletín Oficial del Estado``, ``Journal officiel de la République française``,
``Official Journal of the European Union L 180``: the masthead an act is printed under."""
NUMBER_LINE = re.compile(
    r"^(?:no|nos|nr|n°|nº|n\.º|núm|num|number|numéro|número|nummer|issue|page|pág|página|pagina|seite|sida|blz|p)"
    r"\.?\s*\d[\d/.-]*(?:\s*(?:of|de|von|di|van|av|/)\s*\d+)?$", re.IGNORECASE)
"""An issue or page number alone: ``N.º 97``, ``No. 12``, ``Pág. 3``, ``Page 2 of 6``, ``Seite 4``."""
TIME_STAMP = re.compile(r"\b\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+(?:[A-Z]{2,4}|(?:GMT|UTC)[+-]?\d*))?\b",
                        re.IGNORECASE)
"""A time of day (``4:12pm EDT``, ``14.30``, ``09h15``): with a date, a news page's time stamp."""
_GENRE_QUALIFIER = ("operational|monthly|weekly|quarterly|annual|yearly|daily|situation|flash|emergency|"
                    "regional|country|global|statistical|special|interim|progress|thematic|information|policy|"
                    "issue|technical|field|protection|news|press|media|external")
_GENRE_NOUN = "update|updates|report|brief|briefing|bulletin|note|sheet|snapshot|overview|dashboard|digest|newsletter"
GENRE_PHRASE = re.compile(rf"^(?:(?:{_GENRE_QUALIFIER})\s+){{1,2}}(?:{_GENRE_NOUN})$", re.IGNORECASE)
"""A genre label of a periodic or series publication: ``Operational Update``, ``Situation
Report``, ``Monthly Update``, ``Flash Update``, ``Protection Brief``: the same on every issue,
so never an issue's title alone."""


def furniture_kind(text: str) -> str:
    """What kind of page or document furniture a short line is (``""`` if none): a skip link,
    a classification marking, a byline, a reference line, a table's source or note, a gazette's
    name, a time-stamped dateline or a periodic genre label."""
    t = " ".join(text.strip(" *_#").split())
    checks = (("skip link", SKIP_LINK), ("classification marking", CLASSIFICATION), ("byline", BYLINE),
              ("issue or page number", NUMBER_LINE),
              ("reference line", REFERENCE_LINE), ("source or note line", SOURCE_NOTE), ("gazette", GAZETTE),
              ("genre label", GENRE_PHRASE))
    for kind, pattern in checks:
        if pattern.match(t):
            return kind
    if TIME_STAMP.search(t) and (DATE_IN_LINE.search(t) or _WEEKDAY_DATE.search(t)):
        return "time stamp"
    return ""


_WEEKDAY_DATE = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s+[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}\b",
                           re.IGNORECASE)
"""A news wire's date: ``Tue Jul 9, 2024``."""


def breadcrumb(text: str) -> bool:
    """``Home > News > Story`` or ``Home / About``: a navigation trail, not a title."""
    seps = BREADCRUMB.findall(text)
    return len(seps) >= 2 or (len(seps) == 1 and bool(_HOME.match(text)))


def _running_header(text: str) -> bool:
    """A gazette's or journal's running header: a page number with an issue number or a date
    (``Núm. 134   Viernes 5 de junio de 2015   Sec. I.   Pág. 48712``)."""
    return bool(PAGE_HEADER.search(text)) and (bool(_ISSUE_NUMBER.search(text)) or bool(DATE_IN_LINE.search(text)))


def not_a_title(text: str) -> bool:
    """A genre label (in any of several languages, with or without its number), a language or
    distribution note, page or document furniture (``furniture_kind``: a skip link, a
    classification marking, a byline, a reference line, a source or note line, a gazette's name,
    a time stamp), a breadcrumb, a date, a document symbol, an editor's
    bracketed label or note in brackets, a periodical's running header or a line with a web
    address: never a document's title."""
    t = text.strip(" *_#:.–—-").strip()
    if not t:
        return True
    low = " ".join(t.lower().split())
    if low in GENRE_LABELS or _LABEL_NUMBER.sub("", low).strip(" .:–—-") in GENRE_LABELS:
        return True
    if LANGUAGE_NOTE.match(t) or _running_header(t):
        return True
    if t.startswith("(") and t.endswith(")") and t.count("(") == 1:
        return True  # a note in brackets: ``(Application no. 123/12)``, ``(Adopted by … on …)``
    words = t.split()
    if len(words) == 1 and len(t) <= 12 and not any(ch.isdigit() for ch in t) and t[:1].isupper() \
            and not t.isupper():
        return True  # a single short word: a section or genre label ("Summary", "Preamble")
    if furniture_kind(t):
        return True
    return breadcrumb(t) or bool(DATE_LINE.match(t)) or bool(DOC_SYMBOL.match(t)) \
        or not any(ch.isalpha() for ch in t) or bool(BRACKETED_LINE.match(text.strip())) \
        or bool(PERIODICAL_HEADER.search(t)) or bool(WEB_ADDRESS.search(t))


SUBJECT = re.compile(
    r"^[*_]{0,3}\s*(subject|subj\.?|re|ref|concerns?|objet|asunto|assunto|betreff|oggetto|onderwerp|ärende)\s*:\s*[*_]{0,3}"
    r"\s*(\S.*?)\s*[*_]{0,3}$", re.IGNORECASE)
"""A subject line: ``Subject: …``, ``Re: …``, ``Objet : …``, ``Asunto: …``, ``Betreff: …``,
``Oggetto: …``, ``Onderwerp: …``, ``Ärende: …``: what a letter, memo or circular is about, the
strongest title candidate of its head."""

_SMALL = frozenset("a an the of and or for to in on at by with from as nor but via per vs v "
                   "de du des la le les et ou pour par en au aux sur à dans c contre avec sans sous chez vers entre "
                   "del los las el y e o para con por al sobre sin contra hacia según ante bajo "
                   "da do dos das em na nas nos no ao aos pelo pela pelos pelas com sem "
                   "der die das den dem und oder für von vom zu zum zur im am mit an auf über bei nach aus gegen "
                   "och i av för till med på om".split())
"""Words a title keeps in lower case after its first word, in English, French, Spanish,
Portuguese, German and Swedish (``v``/``vs``/``c``: versus, contre, in a case name)."""
KNOWN_ACRONYMS = frozenset("UN EU USA US UK IOM ILO WHO OAU AU NGO NGOS UNHCR OHCHR UNICEF UNESCO UNDP UNODC "
                           "ECOSOC OSCE OECD NATO ASEAN ECOWAS SADC IDP IDPS GCM GFMD ICRC IFRC CEDAW CRC "
                           "UNRWA FAO WFP ICC ICJ EC ECHR CERD ONU UE OIM OIT HCR".split())
_ROMAN_WORD = re.compile(r"^[IVXLC]+$")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]?\.?$")
"""Initials: ``A.B.``, ``U.S.``, ``J.-P.`` parts."""
_ELISION = re.compile(r"^((?:[A-Za-z]|QU|Qu|qu|DELL|Dell|dell|ALL|All|all|NELL|Nell|nell|SULL|Sull|sull)['’])(.+)$")
"""An elided article or pronoun before a word: ``L'EUROPE``, ``D'ASILE``, ``QU'IL``, ``DELL'UNIONE``."""
_CODE = re.compile(r"^[\w./:()-]*\d[\w./:()-]*$|^[A-Z]{1,5}(?:[/-][A-Z0-9]{1,5})+$")
"""A reference or code: a token with a digit (``3/2019``, ``1.3.2-2022``) or short capitals
joined by ``/`` or ``-`` (``IMM/ASY``, ``CM/REC``)."""
_VOWELS = frozenset("AEIOUYÀÁÂÄÅÆÈÉÊËÌÍÎÏÒÓÔÖØÙÚÛÜ")


def _is_code_word(core: str) -> bool:
    """Capitals that are a code or acronym rather than a word: ``VLT``, ``MLT`` (no vowel), a
    code with digits or slashes, initials."""
    return bool(_CODE.match(core) or _INITIALS.match(core)) \
        or (core.isupper() and len(core) <= 5 and not _VOWELS & set(core))


def _cased(word: str, first: bool, small: frozenset[str] = _SMALL) -> str:
    """``word`` (all capitals) in title case: lower case if a small word (not first), an elision
    keeping the capital of the word it joins (``L'EUROPE`` → ``l'Europe``)."""
    m = _ELISION.match(word)
    if m:
        head = m.group(1).lower()
        return (head[:1].upper() + head[1:] if first else head) + _cased(m.group(2), True, small)
    low = word.lower()
    if not first and low in small:
        return low
    return low[:1].upper() + low[1:]


def _cased_word(core: str, first: bool, keep: frozenset[str], small: frozenset[str] = _SMALL) -> str:
    """``_cased`` for a word that may be hyphenated (``IN-COUNTRY`` → ``In-Country``,
    ``UN-HABITAT`` → ``UN-Habitat``): each part cased as a word, acronyms kept."""
    pieces = re.split(r"([-–—])", core)
    return "".join(p if p in "-–—" or not p or p in keep or _is_code_word(p)
                   else _cased(p, first and n == 0, small) for n, p in enumerate(pieces))


def _recase_tokens(tokens: list[str], keep: frozenset[str], only_caps: bool,
                   small: frozenset[str] = _SMALL) -> list[str]:
    """Re-case the words of ``tokens`` (whitespace kept as tokens); acronyms in ``keep``, Roman
    numerals, codes, initials and short capitals next to a vowelless code (``JUA MLT 3/2019``)
    stay as printed; with ``only_caps``, only all-capitals words are re-cased."""
    cores = [t.strip("\"“”‘’()[],;:!?«»") for t in tokens]
    cores = [c[:-1] if c.endswith(".") and not _INITIALS.match(c) else c for c in cores]
    words = [i for i, c in enumerate(cores) if c and not c.isspace()]
    fixed = {i for i in words if _is_code_word(cores[i]) or cores[i] in keep
             or (_ROMAN_WORD.match(cores[i]) and len(cores[i]) <= 4)}
    for at, k in enumerate(words):  # capitals before a number, one without vowels: a reference
        if any(c.isdigit() for c in cores[k]):
            run = list(itertools.takewhile(lambda i: cores[i].isupper() and len(cores[i]) <= 4
                                           and cores[i].lower() not in _SMALL, reversed(words[:at])))
            if any(not _VOWELS & set(cores[i]) for i in run):
                fixed.update(run)
    out, first = [], True
    for i, (token, core) in enumerate(zip(tokens, cores)):
        if i not in words or not any(c.isalpha() for c in core):
            out.append(token)
            first = first and i not in words
            continue
        if i not in fixed and not (only_caps and not core.isupper()):
            token = token.replace(core, _cased_word(core, first, keep, small), 1)
        out.append(token)
        first = token.rstrip("\"”’»)").endswith((":", "—", "–"))
    return out


def recase_caps(text: str, small: frozenset[str] = _SMALL) -> str:
    """The all-capitals words of ``text`` in title case, mixed-case words untouched; codes,
    initials and acronyms kept (``MINISTRY OF HOME AFFAIRS, VALLETTA VLT 1000`` → ``Ministry of
    Home Affairs, Valletta VLT 1000``); ``small``: the words kept lower case after the first."""
    return "".join(_recase_tokens(re.split(r"(\s+)", text), KNOWN_ACRONYMS, only_caps=True, small=small))


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.9 * len(letters) \
        and len(re.findall(r"[^\W\d_]{2,}", text)) >= 2


def title_case(text: str, document: str = "") -> str:
    """An ALL-CAPITALS title in title case, keeping acronyms (a word of up to five letters that
    is a known acronym or is printed in capitals in the document's mixed-case text, or has no
    vowel), Roman numerals, codes (``CM/Rec(2019)4``, ``IMM/ASY``), initials (``A.B.``) and the
    capital after an elision (``L'EUROPE`` → ``l'Europe``); small words lower case in several
    languages. ``THE WORLD'S REFUGEES AND THE UN`` → ``The World's Refugees and the UN``;
    ``CASE OF A.B. AND OTHERS v. FRANCE`` → ``Case of A.B. and Others v. France``."""
    caps_in_text = _caps_words(document) if document else frozenset()
    keep = frozenset(w for w in KNOWN_ACRONYMS | caps_in_text if len(w) <= 5)
    return "".join(_recase_tokens(re.split(r"(\s+)", text), keep, only_caps=False))


def _caps_words(document: str) -> frozenset[str]:
    """Words of 2-5 capitals printed inside mixed-case lines of ``document`` (acronyms)."""
    found: set[str] = set()
    for line in document.split("\n"):
        if not line.strip() or is_all_caps(line):
            continue
        found.update(re.findall(r"\b[A-Z]{2,5}\b", line))
    return frozenset(found)
