"""The words of a letter's frame, one small table per language (``LETTER_WORDS``), and the
patterns the ``letter`` cleaning rule reads with (``patterns``).

The rule finds a letter's parts by their shape (a short line alone before the body, a short
chunk after it, a line of a place and a date); these tables only say which words open a
salutation, a closing, a subject or an enclosure line in each language. Each entry is a
fragment of a regular expression matched ignoring case at the start of a line. Add a language
by adding an entry (its ISO 639-1 code); ``patterns`` joins the entries of the languages a
document is read in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ...pure import pure


@dataclass(frozen=True, slots=True)
class LetterWords:
    """One language's words of a letter's frame (regular-expression fragments)."""

    greetings: str
    """Words that always open a salutation (``Dear``, ``Sehr geehrte``, ``Estimado``)."""
    titles: str
    """Forms of address that open a salutation only when the line ends with ``, : !``
    (``Monsieur,``), since they also open an addressee's line (``Monsieur le Président``)."""
    closings: str
    """A whole closing formula (``Yours sincerely``, ``Mit freundlichen Grüßen``)."""
    courtesy: str
    """The opening of a courtesy sentence that closes a formal letter (``Veuillez agréer``)…"""
    courtesy_nouns: str
    """…and the nouns one of which it holds (``considération``, ``salutations``)."""
    subject: str
    """Labels of a subject line (``Subject``, ``Objet``, ``Asunto``), before ``:``."""
    enclosure: str
    """Labels of an enclosure or copy line (``Encl.``, ``P.J.``, ``Anexo``), before ``:``, ``.``
    or a count; a line of them under the subject or the signature is no addressee, no role."""
    reference: str
    """Labels of a reference line (``Our ref:``, ``N/Réf. :``, ``Dnr``), before its value; one whose
    value holds no figure is a subject (``Ref: the attached note``)."""
    signing: str
    """A signing formula before the place of a date line (``Fait à``, ``Hecho en``), or the label
    of a date line (``Datum:``)."""
    date_words: str
    """Words between the place and the day of a date line (``le``, ``den``, ``a``)."""
    months: str
    """Month names and their abbreviations."""
    roles: str
    """Words of a signatory's role (``Director``, ``Referatsleiterin``, ``Enhetschef``)."""
    delegation: str
    """A line saying the signatory signs for someone (``On behalf of``, ``Im Auftrag``)."""
    streets: str
    """The start of a street's line in an address (``Rue``, ``Calle``, ``…straße``, ``… Street``)."""


LETTER_WORDS: dict[str, LetterWords] = {
    "en": LetterWords(
        greetings=r"dear\b|to whom it may concern|ladies and gentlemen|hello\b|hi\b|greetings\b",
        titles=r"your excellency|excellency|excellencies|sirs?\b|madam\b|gentlemen\b|colleagues?\b|mr\.?\s|ms\.?\s",
        closings=r"(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully|cordially)(?:\s+yours)?|"
                 r"(?:with\s+)?(?:best|kind|warm|warmest|kindest)?\s*regards|(?:with\s+)?(?:best|warm)\s+wishes|"
                 r"respectfully\s+submitted|yours(?:\s+ever)?|(?:very\s+)?truly\s+yours|with\s+(?:gratitude|thanks)",
        courtesy=r"please\s+accept|accept(?=,)|(?:i|we)\s+avail\s+(?:myself|ourselves)",
        courtesy_nouns=r"consideration|esteem|regards|respect",
        subject=r"subject|subj\.?|re|concerns?",
        enclosure=r"cc\b|c\.c\.|bcc\b|encl\.?|enc\b\.?|enclosures?\b|attachments?\b|annex(?:es)?\b|copy\s+to\b|copies\s+to\b",
        reference=r"our\s+ref(?:erence)?\.?|your\s+ref(?:erence)?\.?|ref\.?|reference",
        signing=r"done\s+at|given\s+at|signed\s+at|date\s*:",
        date_words=r"the|on",
        months=r"january|february|march|april|may|june|july|august|september|october|november|december|"
               r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec",
        roles=r"ambassador|representative|minister|secretary|director|president|chair(?:person|man|woman)?|"
              r"head|chief|officer|counsell?or|consul|commissioner|coordinator|manager|deputy|general|adviser|"
              r"advisor|envoy|delegate|rapporteur|attach[ée]|charg[ée] d'affaires|mission|executive|"
              r"permanent|acting|principal|dean|professor|governor|mayor|senator|judge|registrar|spokesperson",
        delegation=r"(?:for\s+and\s+)?on\s+behalf\s+of\s+.{1,80}|p\.\s?p\.",
        streets=r"(?:\S+\s+){1,4}(?:street|road|avenue|square|lane|drive|boulevard|terrace)\b",
    ),
    "fr": LetterWords(
        greetings=r"cher\b|chère\b|chers\b|chères\b|bonjour\b",
        titles=r"madame|monsieur|mesdames|messieurs|maître|excellence|mesdemoiselles|mademoiselle",
        closings=r"(?:bien\s+|très\s+)?cordialement|(?:avec\s+)?(?:mes\s+|nos\s+)?(?:sincères\s+|meilleures\s+)?"
                 r"salutations(?:\s+(?:distinguées|respectueuses|cordiales))?|respectueusement|bien\s+à\s+vous|"
                 r"amicalement|(?:avec\s+)?(?:toute\s+)?ma\s+considération(?:\s+distinguée)?",
        courtesy=r"veuillez\s+(?:agréer|accepter|recevoir|croire)|"
                 r"(?:je|nous)\s+vous\s+(?:prie|prions)\s+d(?:e\s+|['’]\s*)(?:agréer|recevoir|croire)|"
                 r"recevez|dans\s+l['’]attente|en\s+vous\s+remerciant",
        courtesy_nouns=r"considération|salutations|sentiments|respect|hommages|expression|assurance",
        subject=r"objet|concerne",
        enclosure=r"p\.\s?j\.?|pj\b|pièces?\s+jointes?|annexes?\b|copie\s+à|ampliation",
        reference=r"n/\s?réf\.?|v/\s?réf\.?|nos?\s+réf(?:érences?)?\.?|vos\s+réf(?:érences?)?\.?|réf(?:érence)?\.?|"
                  r"affaire\s+suivie\s+par|dossier\s+suivi\s+par",
        signing=r"fait\s+à|date\s*:",
        date_words=r"le",
        months=r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
               r"décembre|decembre|janv|févr|avr|juil|sept|oct|nov|déc",
        roles=r"directeur|directrice|ministre|secrétaire|président(?:e)?|ambassadeur|ambassadrice|"
              r"représentant(?:e)?|conseill[eè]re?|délégué(?:e)?|sous-directeur|sous-directrice|préfète?|"
              r"chef|cheffe|adjoint(?:e)?|responsable|chargé(?:e)?|maire|haut-commissaire|commissaire|"
              r"défenseure?|inspect(?:eur|rice)",
        delegation=r"par\s+délégation|p\.\s?o\.|pour\s+l[ea]\s+\S+(?:\s+\S+)?\s+et\s+par\s+délégation|"
                   r"pour\s+le\s+ministre(?:\s+et\s+par\s+délégation)?",
        streets=r"(?:rue|place|avenue|boulevard|bd|quai|allée|impasse|chemin|route|cours|square)\b",
    ),
    "es": LetterWords(
        greetings=r"estimad[oa]s?\b|distinguid[oa]s?\b|muy\s+señor(?:es)?\b|apreciad[oa]s?\b|querid[oa]s?\b|"
                  r"muy\s+estimad[oa]s?\b|hola\b",
        titles=r"señor(?:a|es|as)?|sr(?:a)?\.|excelentísim[oa]s?|excm[oa]s?\.?|ilustrísim[oa]|ilm[oa]\.?|"
               r"honorable|don\b|doña\b",
        closings=r"(?:(?:le|les|la|las)\s+saluda(?:mos)?\s+(?:muy\s+)?)?atentamente|cordialmente|"
                 r"(?:reciba\s+)?(?:un\s+)?(?:cordial(?:es)?\s+)?saludos?(?:\s+cordiales)?|"
                 r"sin\s+otro\s+particular,?\s+(?:le|les)\s+saluda\s+atentamente|"
                 r"(?:muy\s+)?atentamente(?:\s+le\s+saluda)?",
        courtesy=r"(?:le|les|la)\s+saluda|aprovecho\s+la\s+(?:ocasión|oportunidad)|reciba|"
                 r"sin\s+otro\s+particular",
        courtesy_nouns=r"consideración|estima|saludos?|atentamente|respeto",
        subject=r"asunto|referencia",
        enclosure=r"anexos?\b|adjuntos?\b|c\.\s?c\.|con\s+copia\s+a|copia\s+a",
        reference=r"n/\s?ref\.?|s/\s?ref\.?|su\s+ref(?:erencia)?\.?|nuestra\s+ref(?:erencia)?\.?|ref\.?|"
                  r"expediente|n\.?º\s+de\s+expediente",
        signing=r"hecho\s+en|dado\s+en|fecha\s*:",
        date_words=r"a|el",
        months=r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
               r"diciembre",
        roles=r"director(?:a)?|ministr[oa]|secretari[oa]|embajador(?:a)?|jef[ea]|consejer[oa]|subdirector(?:a)?|"
              r"presidente|presidenta|delegad[oa]|representante|coordinador(?:a)?|responsable|alcalde(?:sa)?|"
              r"defensor(?:a)?|cónsul|encargad[oa]",
        delegation=r"por\s+delegación|por\s+orden|p\.\s?o\.|p\.\s?a\.|el\s+\S+\s+(?:general\s+)?p\.\s?s\.",
        streets=r"(?:calle|c/|avenida|avda\.|plaza|paseo|carrera|camino|ronda|glorieta)\b",
    ),
    "pt": LetterWords(
        greetings=r"prezad[oa]s?\b|car[oa]s?\b|estimad[oa]s?\b|olá\b|bom\s+dia\b",
        titles=r"exm[oa]s?\.?|excelentíssim[oa]s?|ilustríssim[oa]s?|ilm[oa]s?\.?|senhor(?:a|es|as)?|sr(?:a)?\.|"
               r"vossa\s+excelência",
        closings=r"atenciosamente|cordialmente|respeitosamente|(?:com\s+os\s+)?(?:melhores\s+|meus\s+)?cumprimentos|"
                 r"(?:com\s+)?(?:os\s+)?(?:melhores\s+)?saudações|com\s+estima(?:\s+e\s+consideração)?",
        courtesy=r"queira\s+aceitar|aproveito\s+a\s+oportunidade|sem\s+outro\s+assunto",
        courtesy_nouns=r"consideração|apreço|cumprimentos|estima|respeito",
        subject=r"assunto|referência",
        enclosure=r"anexos?\b|c/c\b|cópia\s+para|com\s+cópia",
        reference=r"n/\s?ref\.?|v/\s?ref\.?|ref\.?|referência|processo\s+n\.?º|ofício\s+n\.?º",
        signing=r"feito\s+em|data\s*:",
        date_words=r"em",
        months=r"janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro",
        roles=r"diretor(?:a)?|director(?:a)?|secretári[oa]|ministr[oa]|embaixador(?:a)?|chefe|presidente|"
              r"coordenador(?:a)?|delegad[oa]|representante|provedor(?:a)?|responsável|vogal",
        delegation=r"por\s+delegação|p\.\s?o\.|pel[oa]\s+\S+(?:\s+\S+)?",
        streets=r"(?:rua|avenida|av\.|praça|largo|travessa|alameda|estrada)\b",
    ),
    "de": LetterWords(
        greetings=r"sehr\s+geehrte[rn]?\b|liebe[rn]?\b|guten\s+tag\b|hallo\b|werte[rn]?\b",
        titles=r"herr\b|frau\b|exzellenz",
        closings=r"mit\s+(?:freundlichen|besten|herzlichen|kollegialen)\s+grüßen|mit\s+freundlichem\s+gruß|"
                 r"(?:freundliche|beste|herzliche|viele)\s+grüße|hochachtungsvoll|mit\s+vorzüglicher\s+hochachtung",
        courtesy=r"genehmigen\s+sie",
        courtesy_nouns=r"hochachtung|ausdruck",
        subject=r"betreff|betr\.?|bezug",
        enclosure=r"anlagen?\b|verteiler\b|kopie\s+an|abschrift\s+an",
        reference=r"ihr\s+zeichen|unser\s+zeichen|aktenzeichen|az\.?|gz\.?|geschäftszeichen|"
                  r"ihre\s+nachricht\s+vom|unsere\s+nachricht\s+vom",
        signing=r"gegeben\s+zu|datum\s*:",
        date_words=r"den|am",
        months=r"januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember",
        # German names an office by a compound whose last part is the role (Bundesminister,
        # Bundesministerin, Generaldirektor, Vizepräsident, Datenschutzbeauftragter).
        roles=r"\w*leiter(?:in)?|\w*direktor(?:in)?|\w*minister(?:in)?|\w*sekretär(?:in)?|\w*botschafter(?:in)?|"
              r"\w*präsident(?:in)?|referent(?:in)?|\w*chef(?:in)?|\w*beauftragte[r]?|sachbearbeiter(?:in)?|"
              r"\w*vorsitzende[r]?|\w*bürgermeister(?:in)?",
        delegation=r"im\s+auftrag|i\.\s?a\.|in\s+vertretung|i\.\s?v\.",
        streets=r"\S*(?:straße|strasse|platz|allee|gasse|damm|ufer)\b",
    ),
    "sv": LetterWords(
        greetings=r"hej\b|hejsan\b|bästa\b|kära\b|ärade\b|god\s+dag\b",
        titles=r"herr\b|fru\b",
        closings=r"med\s+vänlig(?:a)?\s+hälsning(?:ar)?|vänliga\s+hälsningar|(?:med\s+)?(?:bästa\s+)?hälsningar|"
                 r"med\s+utmärkt\s+högaktning|högaktningsfullt",
        courtesy=r"med\s+vänlig",
        courtesy_nouns=r"hälsning",
        subject=r"ärende|angående|ang\.",
        enclosure=r"bilag(?:a|or)\b|kopia\s+till",
        reference=r"dnr\.?|diarienr\.?|diarienummer|er\s+ref(?:erens)?\.?|vår\s+ref(?:erens)?\.?|ert\s+datum",
        signing=r"undertecknat\s+i|datum\s*:",
        date_words=r"den",
        months=r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december",
        roles=r"generaldirektör|handläggare|\w*direktör|\w*chef|\w*minister|statssekreterare|ambassadör|"
              r"ordförande|sekreterare|samordnare|\w*ansvarig|jurist|rådgivare|beslutsfattare|föredragande",
        delegation=r"för\s+\S+(?:\s+\S+)?",
        streets=r"\S*(?:gatan|vägen|torget|gränd|backen)\b",
    ),
    "it": LetterWords(
        greetings=r"gentil[ei]\b|egregi[oa]\b|spettabile\b|car[oaie]\b|illustr[ei]\b|buongiorno\b|"
                  r"gentilissim[oaie]\b",
        titles=r"signor[aei]?|sig(?:\.ra|\.)|eccellenza|onorevole|dott(?:\.ssa|\.)",
        closings=r"(?:(?:si\s+)?porg(?:o|iamo|ono)\s+)?(?:distinti|cordiali|i\s+migliori)\s+saluti|"
                 r"con\s+osservanza|cordialmente|(?:con\s+)?(?:i\s+)?(?:migliori\s+)?saluti",
        courtesy=r"(?:voglia|vogliate)\s+gradire|(?:colgo|cogliamo)\s+l['’]occasione",
        courtesy_nouns=r"saluti|considerazione|stima|ossequi",
        subject=r"oggetto",
        enclosure=r"allegat[oi]\b|all\.|c\.\s?p\.\s?c\.|p\.\s?c\.|copia\s+a",
        reference=r"prot(?:ocollo)?\.?|rif(?:erimento)?\.?|vs\.?\s+rif\.?|ns\.?\s+rif\.?",
        signing=r"fatto\s+a|data\s*:",
        date_words=r"lì|li|il",
        months=r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre",
        roles=r"direttore|direttrice|ministr[oa]|segretari[oa]|ambasciatore|ambasciatrice|president[ei]|"
              r"responsabile|dirigente|capo|prefetto|sindaco|coordinat(?:ore|rice)|funzionari[oa]",
        delegation=r"per\s+delega|p\.\s?d\.|il\s+\S+\s+delegato",
        streets=r"(?:via|viale|piazza|piazzale|corso|largo|vicolo|lungotevere)\b",
    ),
    "nl": LetterWords(
        greetings=r"geachte\b|zeer\s+geachte\b|beste\b|lieve\b|hallo\b",
        titles=r"heer\b|mevrouw\b|excellentie",
        closings=r"met\s+vriendelijke\s+groet(?:en)?|vriendelijke\s+groet(?:en)?|hoogachtend|met\s+hoogachting|"
                 r"met\s+(?:hartelijke|beste)\s+groet(?:en)?",
        courtesy=r"met\s+de\s+meeste\s+hoogachting",
        courtesy_nouns=r"hoogachting",
        subject=r"onderwerp|betreft",
        enclosure=r"bijlagen?\b|afschrift\s+aan|kopie\s+aan",
        reference=r"kenmerk|ons\s+kenmerk|uw\s+kenmerk|uw\s+brief\s+van",
        signing=r"gedaan\s+te|datum\s*:",
        date_words=r"op|de",
        months=r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december",
        roles=r"directeur|directrice|minister|staatssecretaris|ambassadeur|voorzitter|secretaris|hoofd|"
              r"coördinator|beleidsmedewerker|burgemeester",
        delegation=r"namens\s+.{1,80}|i\.\s?o\.|hoogachtend,?\s+namens\s+.{1,60}",
        streets=r"\S*(?:straat|plein|laan|gracht|kade)\b",
    ),
}
"""Each language's words of a letter's frame: English, French, Spanish, Portuguese, German,
Swedish, Italian, Dutch."""


def _join(langs: tuple[str, ...], field: str) -> str:
    return "|".join(f"(?:{getattr(LETTER_WORDS[code], field)})" for code in langs)


SALUTATION_WORDS = 14
"""A salutation is a short line: at most this many words."""
_DAY = r"\d{1,2}(?:\.|st|nd|rd|th|er|º|°|\.º)?"
_PLACE = r"[^\W\d_][\w .'’()-]{0,40}?"


class LetterPatterns:
    """The patterns of the letter rule for the languages ``langs``, each compiled when first
    used (most documents are no letter: only their first lines meet ``salutation``)."""

    def __init__(self, langs: tuple[str, ...]) -> None:
        self.w = {name: _join(langs, name) for name in LetterWords.__slots__}

    def _compile(self, pattern: str) -> re.Pattern[str]:
        return re.compile(pattern, re.IGNORECASE)

    @cached_property
    def salutation(self) -> re.Pattern[str]:
        w = self.w
        return self._compile(rf"^(?:(?:{w['greetings']})[^\n]{{0,80}}?|(?:{w['titles']})[^\n]{{0,80}}?[,:!])"
                             r"\s*[,:!.]?$")

    @cached_property
    def closing(self) -> re.Pattern[str]:
        w = self.w
        # A lead-in clause may come first: ``Restant à votre disposition, je vous prie d'agréer …``.
        courtesy = (rf"(?:[^\n.;]{{0,120}}?,\s+)?(?:{w['courtesy']})\b[^\n]{{0,240}}?\b(?:{w['courtesy_nouns']})\w*\b"
                    r"[^\n]{0,80}?")
        return self._compile(rf"^(?:{w['closings']}|{courtesy})\s*[,.!]?$")

    @cached_property
    def subject(self) -> re.Pattern[str]:
        w = self.w
        return self._compile(rf"^[*_]{{0,3}}\s*({w['subject']}|{w['reference']})\s*:\s*[*_]{{0,3}}\s*(\S.*?)"
                             r"\s*[*_]{0,3}$")

    @cached_property
    def enclosure(self) -> re.Pattern[str]:
        return self._compile(rf"^(?:{self.w['enclosure']})(?:\s*[:.]|\s*$|\s+\d|\s+(?=(?-i:[A-ZÀ-Þ])))")

    @cached_property
    def reference(self) -> re.Pattern[str]:
        return self._compile(rf"^(?:{self.w['reference']})(?![^\W\d_])\s*[:.]?\s*(\S.*)$")

    @cached_property
    def date_line(self) -> re.Pattern[str]:
        w = self.w
        month = rf"(?:{w['months']})\.?"
        date = (rf"(?:{_DAY}\s+(?:of\s+|de\s+)?{month},?\s+(?:de\s+|del\s+)?\d{{4}}|{month}\s+{_DAY},?\s+\d{{4}}|"
                r"\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})")
        return self._compile(rf"^(?:(?:{w['signing']})\s+)?(?:{_PLACE}(?:,\s*|\s+))?(?:(?:{w['date_words']})\s+)?"
                             rf"{date}\.?$")

    @cached_property
    def roles(self) -> re.Pattern[str]:
        return self._compile(rf"\b(?:{self.w['roles']})\b")

    @cached_property
    def delegation(self) -> re.Pattern[str]:
        return self._compile(rf"^(?:{self.w['delegation']})\s*[,:]?$")

    @cached_property
    def street(self) -> re.Pattern[str]:
        return self._compile(rf"^(?:{self.w['streets']})")


@pure
def patterns(langs: tuple[str, ...]) -> LetterPatterns:
    """The letter rule's patterns for the languages ``langs`` (codes of ``LETTER_WORDS``)."""
    return LetterPatterns(langs)


ALL_LANGUAGES = tuple(LETTER_WORDS)
"""Every language with letter words, English first."""
