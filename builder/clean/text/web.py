"""Cue words of web-site furniture in several languages (English, French, Spanish, German,
Portuguese, Swedish, Italian, Dutch), in one table, and the shape tests the site-furniture
rule shares: plain functions over strings, no rule imports.

A cue is a word or phrase whose *function* marks furniture (a menu's "Home", a share bar's
"Print", a footer's "Privacy"), never one site's wording. The tables are small on purpose:
the rules decide from the shape of the text first (runs of short link-like lines at the top
or bottom of a page) and use a cue only as evidence that such a run belongs to a site.
"""

from __future__ import annotations

import re

from .patterns import BULLET, DATE_IN_LINE, NUMBERED, list_marker

CUES: dict[str, tuple[str, ...]] = {
    # Items of a site menu or a header/footer bar.
    "nav": ("home", "home page", "homepage", "inicio", "início", "accueil", "startseite", "hem", "pagina iniziale",
            "menu", "menú", "menü", "meny", "main menu", "navigation", "navigation menu", "search", "buscar",
            "rechercher", "recherche", "suche", "suchen", "pesquisar", "pesquisa", "sök", "cerca", "zoeken",
            "contact", "contact us", "contacts", "contacto", "contactos", "contactar", "contactez-nous", "kontakt",
            "kontakta oss", "contatti", "sitemap", "site map", "mapa web", "mapa del sitio", "mapa", "plan du site",
            "mapa do site", "webbkarta", "skip to content", "skip to main content", "ir a contenido",
            "aller au contenu", "aller au contenu principal", "saltar al contenido", "ir al contenido principal",
            "ir para o conteúdo", "ir para o conteúdo principal", "saltar para o conteúdo", "zum inhalt",
            "zum hauptinhalt", "zum inhalt springen", "hoppa till innehållet", "gå till innehållet",
            "back to top", "subir",
            "volver arriba", "haut de page", "nach oben", "voltar ao topo", "till toppen", "close", "cerrar",
            "fermer", "schließen", "fechar", "stäng", "login", "log in", "sign in", "iniciar sesión", "connexion",
            "anmelden", "logga in", "entrar", "faq", "faqs", "help", "ayuda", "aide", "hilfe", "ajuda", "hjälp",
            "news", "noticias", "actualités", "notícias", "nyheter", "aktuelles", "press", "prensa", "presse",
            "imprensa", "press room", "sala de prensa", "you are here", "vous êtes ici", "está vd. en",
            "usted está en", "sie sind hier", "está em", "du är här"),
    # A share bar: print, copy, share, and the social networks.
    "share": ("share", "share this", "share this page", "partager", "compartir", "teilen", "partilhar",
              "compartilhar", "dela", "condividi", "print", "print this page", "imprimer", "imprimir", "drucken",
              "skriv ut", "stampa", "copy", "copy link", "copiar", "copier", "kopieren", "kopiera", "email", "e-mail",
              "mail", "correo", "courriel", "follow us", "síguenos", "suivez-nous", "folgen sie uns", "siga-nos",
              "följ oss", "facebook", "twitter", "ex twitter", "x", "youtube", "instagram", "linkedin", "whatsapp",
              "tiktok", "flickr", "telegram", "mastodon", "bluesky", "threads", "pinterest", "rss", "rss feed"),
    # A language switcher.
    "language": ("english", "español", "castellano", "français", "deutsch", "português", "svenska", "italiano",
                 "nederlands", "català", "catalá", "euskara", "euskera", "galego", "valencià", "العربية",
                 "русский", "中文", "polski", "română"),
    # A footer's legal and service links.
    "legal": ("privacy", "privacy policy", "privacy notice", "privacy statement", "cookies", "cookie policy",
              "cookie settings", "terms", "terms of use", "terms and conditions", "terms of service", "legal notice",
              "legal", "disclaimer", "accessibility", "accessibility statement", "aviso legal",
              "política de privacidad",
              "política de cookies", "accesibilidad", "protección de datos", "mentions légales", "confidentialité",
              "politique de confidentialité", "accessibilité", "données personnelles", "gestion des cookies",
              "impressum", "datenschutz", "datenschutzerklärung", "barrierefreiheit", "política de privacidade",
              "acessibilidade", "proteção de dados", "termos de uso", "tillgänglighet", "personuppgifter",
              "om webbplatsen", "about this site", "about us", "quiénes somos", "qui sommes-nous", "über uns",
              "sobre nós", "om oss", "transparency", "transparencia", "transparence", "transparência"),
    # A heading over a list of links to other pages.
    "related": ("related", "related links", "related content", "related pages", "related articles",
                "related news", "related topics", "related stories", "see also", "read more", "read also",
                "more from", "more on this", "more on this topic", "more news", "further reading", "you may also like",
                "recommended", "lire aussi", "à lire aussi", "voir aussi", "pour aller plus loin", "en savoir plus",
                "sur le même sujet", "ver también", "leer más", "lea también", "te puede interesar", "relacionados",
                "enlaces relacionados", "noticias relacionadas", "contenido relacionado", "mehr zum thema",
                "siehe auch", "weitere informationen", "weiterlesen", "das könnte sie auch interessieren",
                "veja também", "leia também", "links relacionados", "saiba mais", "notícias relacionadas",
                "läs också", "läs mer", "se även", "relaterat", "relaterade länkar", "mer om", "leggi anche",
                "vedi anche", "zie ook", "lees ook"),
    # The label of a page's tag list ("Tags: asylum, detention"): the site's topic labels.
    "tags": ("tags", "tag", "tagged", "tagged with", "keywords", "topics", "filed under", "categories",
             "etiquetas", "temas", "palabras clave", "categorías", "mots-clés", "mots clés", "étiquettes",
             "thèmes", "catégories", "schlagwörter", "schlagworte", "stichwörter", "themen", "kategorien",
             "palavras-chave", "palavras chave", "categorias", "taggar", "ämnen", "nyckelord", "kategorier",
             "etichette", "argomenti", "parole chiave", "trefwoorden", "onderwerpen"),
    # The answers of a feedback question ("Is this page useful?"): each starts an answer line.
    "answer": ("yes", "no", "maybe", "oui", "non", "peut-être", "sí", "si", "quizás", "tal vez", "ja", "nein",
               "vielleicht", "teilweise", "sim", "não", "talvez", "nej", "kanske", "delvis", "sì", "forse", "nee",
               "misschien"),
}
"""Cue words by function; each matches a whole line (or its first words, for ``related`` and ``answer``)."""

CONSENT_TOPIC = re.compile(
    r"\b(?:cookies?|témoins?|traceurs?)\b", re.IGNORECASE)
"""What a cookie or consent notice is about."""
SUBSCRIPTION_TOPIC = re.compile(
    r"\b(?:newsletters?|nyhetsbrev|subscribe|subscription|s'abonner|abonnez-vous|inscrivez-vous|"
    r"lettre d'information|suscr[ií]b(?:ete|irse)|abonnieren|assine|inscreva-se|prenumerera)\b", re.IGNORECASE)
"""What a subscription prompt is about."""
CONSENT_ACTION = re.compile(
    r"\b(?:we (?:also )?use|we'd like|we would like|you|your|our|accept|reject|decline|agree|allow|manage|"
    r"settings|preferences|"
    r"hide|sign up|enter your e-?mail|nous utilisons|vous|votre|accepter|refuser|paramétrer|paramètres|"
    r"j'accepte|utilizamos|usamos|usted|acepta[rs]?|rechaza[rs]?|configura(?:r|ción)|wir verwenden|wir nutzen|"
    r"akzeptieren|ablehnen|einstellungen|aceitar|rejeitar|você|vi använder|godkänn|"
    r"acceptera|neka|inställningar|notre|nos|nuestro|nuestra|unser|unseren|nossa|nosso|vår|vårt)\b", re.IGNORECASE)
"""What such a notice asks of the reader (second person, accept/refuse, settings)."""

READER_REQUEST = re.compile(
    r"\b(?:please|thank you|thanks|don[’']t|do not|s'il vous plaît|merci|ne pas|por favor|gracias|no incluya|bitte|"
    r"danke|obrigad[oa]|não inclua|tack|vänligen|grazie|per favore)\b", re.IGNORECASE)
"""A form's words to the reader: a request or thanks (``Please leave blank``, ``Merci``)."""

COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|tous droits réservés|todos los derechos reservados|"
    r"alle rechte vorbehalten|todos os direitos reservados|alla rättigheter förbehållna|tutti i diritti riservati|"
    r"\blicen[cs]ed? under\b|\bavailable under the\b.{0,60}\blicen[cs]e\b|\bsous licence\b|\bbajo licencia\b",
    re.IGNORECASE)
"""A footer's legal line: a copyright mark or notice, a reservation of rights, a licence."""

_NUMERIC_DATE = re.compile(r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2})\b")


def dated(text: str) -> bool:
    """A line that gives a date (``Publicado em 18/12/2023``, ``Published 14 March 2024``): a
    field of the page's record, which the enrich stage may read, never a menu item."""
    return bool(_NUMERIC_DATE.search(text) or DATE_IN_LINE.search(text))


_FILE_NOTE = re.compile(
    r"[(\[][^()\[\]]{0,30}(?:\b(?:pdf|docx?|xlsx?|odt|ods|rtf|epub|zip|csv|pptx?)\b|"
    r"\b\d+(?:[.,]\d+)?\s?(?:[kmg]b|[kmg]o|[kmg]ib)\b)[^()\[\]]{0,30}[)\]]", re.IGNORECASE)
"""A file type or size in brackets: ``(PDF, 4,2 MB)``, ``[DOCX 300 KB]``, ``(pdf)``."""


_FORMATS_ONLY = re.compile(r"^(?:pdf|epub|docx?|xlsx?|odt|ods|rtf|csv|zip|mobi|xml)"
                           r"(?:\s*[|/·•,]?\s*(?:pdf|epub|docx?|xlsx?|odt|ods|rtf|csv|zip|mobi|xml))*$", re.IGNORECASE)


def download_link(text: str) -> bool:
    """``Descarregar o relatório (PDF, 4,2 MB)``: a short line, no sentence, that offers a file;
    or a line that is only file formats (``PDF``, ``ePUB``, ``PDF | XML``)."""
    if _FORMATS_ONLY.match(text.strip()):
        return True
    return len(words(text)) <= 12 and not full_stop(_FILE_NOTE.sub("", text).strip()) \
        and bool(_FILE_NOTE.search(text))


FIELD_VALUE = re.compile(r"(?<![(\[])\bhttps?://|\b\d{4}-\d{2}-\d{2}(?:T\d)?")
"""A bare address or an ISO date in a line: a field of the page's record, not a menu item."""
DOT_LEADER = re.compile(r"\.{4,}|(?:\.\s){3,}|…{2,}")
"""Dots leading to a number: a table row or a contents entry, not a menu item."""
_LINK = re.compile(r"^\[(?P<text>[^\]\n]*)\]\((?P<href>[^)\s]*)(?:\s+\"[^\"]*\")?\)(?P<rest>.{0,40})$")
_ANGLE_URL = re.compile(r"^<?(?:https?://|www\.)\S+>?$", re.IGNORECASE)
_MD_EMPHASIS = re.compile(r"^(\*{1,3}|_{1,3})(.+?)\1$")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SEPARATORS = re.compile(r"\s+[|/·•»›>]\s+|\s+[|]\s*$|^\s*[|]\s+")
_TABLES = {kind: frozenset(words) for kind, words in CUES.items()}
_CUE_KINDS = ("nav", "share", "language", "legal")
"""The kinds ``cue`` tells, in the order it asks their tables."""
_KIND_OF = {w: kind for kind in reversed(_CUE_KINDS) for w in _TABLES[kind]}
"""Each word of those tables → the first kind (in ``_CUE_KINDS`` order) whose table holds it."""
_RELATED_START = tuple(sorted(CUES["related"], key=len, reverse=True))
_RELATED_SET = frozenset(_RELATED_START)
_RELATED_PREFIXES = tuple(c + " " for c in _RELATED_START if c in ("more from", "more on", "mer om", "more on this"))
"""The related cues a heading may start with (``More from the ministry``); the rest must be the whole heading."""


def visible(text: str) -> tuple[str, bool, str]:
    """``(text as shown, whole line is a link, link target)``: a bullet, Markdown emphasis and
    link syntax taken off (``*   [Benefits](/browse)`` → ``Benefits``, a link to ``/browse``)."""
    t = text.strip()
    m = BULLET.match(t)
    if m and not t.startswith("**"):
        t = t[m.end():].strip()
    e = _MD_EMPHASIS.match(t)
    if e:
        t = e.group(2).strip()
    m = _LINK.match(t)
    if m:
        shown = (m.group("text").strip() + " " + m.group("rest").strip()).strip()
        return shown, True, m.group("href")
    if _ANGLE_URL.match(t):
        return t.strip("<>"), True, t.strip("<>")
    return t, False, ""


def words(text: str) -> list[str]:
    return _WORD.findall(text)


TAG_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:]{1,20}?)\s*:\s*(?P<terms>.*)$")
"""``Label: terms`` (``Mots-clés : …``, a space before the colon as French writes it)."""
TAG_SEPARATORS = re.compile(r"\s*[,;|·•]\s*|\s+/\s+")
TAG_WORDS = 4
"""A tag is a short term: at most this many words."""


def tag_terms(lines: list[str]) -> list[str] | None:
    """The terms of a tag list (``Tags: asylum, detention`` or ``Etiquetas:`` over one term a
    line), or ``None`` when ``lines`` are no tag list: a label of ``CUES["tags"]``, then at least
    one short term (``TAG_WORDS``), none a sentence."""
    m = TAG_LABEL.match(lines[0].strip()) if lines else None
    if m is None or m.group("label").strip().casefold() not in _TABLES["tags"]:
        return None
    terms = [t.strip() for line in [m.group("terms"), *lines[1:]] for t in TAG_SEPARATORS.split(line) if t.strip()]
    if not terms or any(len(t.split()) > TAG_WORDS or t.endswith((".", "!", "?", ":")) for t in terms):
        return None
    return terms


def cue(text: str) -> str:
    """The kind of cue (``nav``, ``share``, ``language``, ``legal``) ``text`` is made of, or ``""``:
    the whole line, or every item of a line joined by ``|``, ``/`` or spaces (``Twitter Youtube``)."""
    t = text.strip().strip(".:·•|").strip().casefold()
    if not t:
        return ""
    if t in _KIND_OF:
        return _KIND_OF[t]
    items = [p.strip() for p in _SEPARATORS.split(t) if p.strip()]
    if len(items) < 2:
        items = t.split()
        if len(items) < 2 or len(items) > 10:
            return ""
    kinds = set()
    for item in items:
        item = item.strip(".:·•|").strip()
        k = _KIND_OF.get(item, "")
        if not k and not _language_code(item):
            return ""
        kinds.add(k or "language")
    return sorted(kinds)[0]


HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}\b")
"""A social-network handle: ``@RefugeeRightsUK``."""
_ON = re.compile(r"\s+(?:on|en|sur|auf|em|no|na|på|su|op)\s+")
"""The word between a follow cue and a network (``Follow us on X``, ``Suivez-nous sur X``)."""


def social_line(text: str) -> bool:
    """A line of social-network accounts: every item a network (after a follow cue) with a handle,
    at least one handle (``Follow us on X @RefugeeRightsUK | Instagram @rrn``, ``Síguenos en X @acnur``)."""
    if not HANDLE.search(text):
        return False
    for item in _SEPARATORS.split(text.strip().casefold()):
        rest = " ".join(HANDLE.sub(" ", item).split()).strip(".:,")
        if not rest:
            continue
        parts = _ON.split(rest, maxsplit=1)
        names = parts[1:] if len(parts) == 2 and parts[0] in _TABLES["share"] else [rest]
        if any(n not in _TABLES["share"] for n in names):
            return False
    return True


def items(text: str) -> int:
    """How many items a line of furniture holds: its parts joined by ``|``, ``/``, ``·`` … or,
    when there are none, by runs of spaces (``Facebook  X  Email  Print`` → 4)."""
    parts = [p for p in _SEPARATORS.split(text.strip()) if p.strip()]
    if len(parts) < 2:
        parts = [p for p in re.split(r"\s{2,}|\t", text.strip()) if p]
    return len(parts)


def _language_code(item: str) -> bool:
    """``es``, ``fr``, ``pt-br``: an item of a language switcher (``es / Castellano``)."""
    return bool(_LANGUAGE_CODE.fullmatch(item))


_LANGUAGE_CODE = re.compile(r"[a-z]{2}(?:-[a-z]{2})?")


def related_heading(text: str) -> bool:
    """``See also``, ``Related links``, ``Lire aussi``, ``More from the ministry``: a short line that is
    (or starts with) a cue of the ``related`` table."""
    t = text.strip().strip(":").strip().casefold().strip("#* ").strip()
    if not (t in _RELATED_SET or t.startswith(_RELATED_PREFIXES)):  # (first: most lines are no cue)
        return False
    return bool(t) and len(words(t)) <= 7 and t[-1:] not in ".!?;,"


def answer(text: str) -> bool:
    """``Yes``, ``No this page is not useful``, ``Non``, ``Nej, inte alls``: a short line that
    starts with a yes/no/maybe word, as the answer buttons of a feedback question do."""
    ws = [w.casefold() for w in words(text)]
    return 0 < len(ws) <= 8 and (ws[0] in _TABLES["answer"] or " ".join(ws[:2]) in _TABLES["answer"])


def numbered(text: str) -> bool:
    return bool(NUMBERED.match(text.strip()))


_PREFIX_CUES = tuple(sorted((c for kind in ("nav", "legal") for c in CUES[kind] if len(c) >= 6), key=len, reverse=True))


def starts_with_cue(text: str) -> bool:
    """An item of a ``|``-separated line starts with a menu or legal cue (``Contact Center``,
    ``Privacy and cookies``)."""
    for item in re.split(r"\s+[|/]\s+", text.strip().casefold()):
        if any(item.startswith(c) and (len(item) == len(c) or not item[len(c)].isalnum()) for c in _PREFIX_CUES):
            return True
    return False


def list_item(text: str) -> bool:
    """A bulleted or numbered line."""
    return bool(list_marker(text.strip()))


def full_stop(text: str) -> bool:
    """``text`` ends a sentence with ``.``, ``!`` or ``?`` (then closing quotes or brackets)."""
    t = text.rstrip("”\"’')] ")
    return bool(t) and t[-1] in ".!?"


# An accessibility hint of a widget: how to work a search box, a carousel or a menu with keys,
# touch or a screen reader, by kind of hint; a hint names at least two of these phrases.
_HINT_GROUPS = (
    # keys that move through choices
    re.compile(r"\b(?:up\s+and\s+down\s+arrows?|arrow\s+keys?|(?:les\s+)?flèches\s+(?:haut|bas|du\s+clavier)|"
               r"touches\s+fléchées|flechas\s+(?:arriba|abajo|del\s+teclado|de\s+dirección)|teclas\s+de\s+"
               r"(?:flecha|dirección|seta)|pfeiltasten|setas\s+(?:para\s+cima|do\s+teclado)|teclas\s+de\s+seta|"
               r"piltangent\w*|tasti\s+freccia|pijltoetsen)\b", re.IGNORECASE),
    # a key that selects or leaves
    re.compile(r"\b(?:(?:press|use|hit)\s+(?:the\s+)?(?:enter|return|tab|escape|esc)\b|enter\s+to\s+select|"
               r"touche\s+(?:entrée|échap|tab)|entrée\s+pour\s+(?:sélectionner|valider)|tecla\s+(?:intro|enter|"
               r"entrar|tab|escape|esc)|intro\s+para\s+seleccionar|eingabetaste|enter-taste|returtangent|"
               r"tasto\s+invio|entertoets)", re.IGNORECASE),
    # touch and gestures
    re.compile(r"\b(?:swipe\s+gestures?|explore\s+by\s+touch|touch\s+device\s+users?|gestes?\s+de\s+balayage|"
               r"gestos?\s+de\s+(?:deslizar|deslizamiento|deslize)|wischgesten|svepgester|gesti\s+di\s+scorrimento|"
               r"veegbewegingen)\b", re.IGNORECASE),
    # assistive technology
    re.compile(r"\b(?:screen\s*readers?|lecteurs?\s+d.écran|lector(?:es)?\s+de\s+pantalla|leitor(?:es)?\s+de\s+"
               r"(?:ecrã|tela)|bildschirmleser\w*|skärmläsar\w*|lettori?\s+di\s+schermo|schermlezer\w*)\b",
               re.IGNORECASE),
    # what the widget offers
    re.compile(r"\b(?:(?:search\s+)?suggestions\s+(?:are\s+)?available|auto-?complete|suggestions\s+de\s+recherche|"
               r"sugerencias\s+(?:de\s+búsqueda\s+)?(?:están\s+)?disponibles|suchvorschläge|sökförslag|"
               r"sugestões\s+(?:de\s+pesquisa\s+)?(?:estão\s+)?disponíveis|suggerimenti\s+disponibili)\b",
               re.IGNORECASE),
)
HINT_WORDS = 40
"""A widget's hint is short: a sentence or two."""


def widget_hint(text: str) -> bool:
    """``When search suggestions are available use up and down arrows to review and enter to
    select.``: a short text that tells how to work a widget (keys, touch, a screen reader), naming
    two or more of its keys, gestures or aids; a page's own text about them runs longer or names one."""
    if not text or len(words(text)) > HINT_WORDS or numbered(text):
        return False
    return len({" ".join(m.group(0).casefold().split()) for g in _HINT_GROUPS for m in g.finditer(text)}) >= 2


_PATH = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?(?://[^/?#]*)?(?P<path>[^?#]*)", re.IGNORECASE)


def numbered_link(text: str) -> tuple[int, str, str] | None:
    """``2.   [Entering the UK](https://…/entering-uk)`` → ``(2, "Entering the UK", "https://…")``:
    a list item that is only a link, or ``None``."""
    m = NUMBERED.match(text.strip())
    if m is None or m.group(1) is None:
        return None
    link = _LINK.match(text.strip()[m.end():].strip())
    if link is None or link.group("rest").strip():
        return None
    return int(m.group(1)), link.group("text").strip(), link.group("href")


def deeper_path(parent: str, child: str) -> bool:
    """``child``'s path goes on from ``parent``'s (``/`` → ``/visas`` → ``/visas/family``): the
    steps of a trail from the site's home down to the page."""
    a, b = _path(parent), _path(child)
    return b != a and b.startswith(a + "/")


def _path(url: str) -> str:
    m = _PATH.match(url)
    return m.group("path").rstrip("/") if m else ""
