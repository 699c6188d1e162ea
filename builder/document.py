"""The plain data that flows through the pipeline.

read → clean → enrich → link → write. Each stage is a function from one frozen
dataclass to the next: ``read`` gives a ``Source`` (the raw document), ``clean`` a
``CleanDocument``, ``enrich`` a ``Document`` (``EnrichedDocument``); ``link`` gathers
them into a ``link.Corpus``. None of them does I/O except ``read`` and ``write``.
Frozen is shallow: ``Block``, ``Metadata`` and the lists inside a document are not
(see the README's developer map for who still writes into them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # (an annotation only: the model imports no stage)
    from .link.prepared import Prepared


@dataclass(frozen=True, slots=True)
class Source:
    """A seed file decoded to text: the raw document, output of ``read`` (frozen: a later
    stage that needs it changed makes a copy, ``dataclasses.replace``)."""

    name: str
    """Path of the seed relative to the seeds folder, with ``/`` separators."""
    text: str
    """Decoded, Unicode-repaired, NFC text with ``\\n`` line ends."""
    sha256: str
    """Hash of the seed's bytes, for the cache and duplicate detection."""
    encoding: str = "utf-8"
    """Encoding the bytes were decoded from."""
    repairs: tuple[str, ...] = ()
    """What reading had to repair (BOM, encoding fallback, mojibake, control characters)."""
    raw_bytes_len: int = 0
    """Size of the seed on disk, in bytes."""
    raw: bytes = b""
    """The seed's bytes exactly as on disk (published unchanged as the raw source)."""
    text_sha256: str = ""
    """Hash of ``text`` (UTF-8), for telling seeds of the same text apart from the text itself:
    set on the copy that is packed without its text (``engine.cache.pack_parts``)."""


@dataclass(frozen=True, slots=True)
class Removal:
    """Text that cleaning took out of the page, with the reason (nothing is lost silently)."""

    text: str
    reason: str
    """A short human reason, e.g. ``web boilerplate (navigation)``."""
    rule: str
    """Name of the cleaning rule that removed it."""
    line: int | None = None
    """1-based line in the source where the removed text starts."""

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason, "rule": self.rule, "line": self.line}


@dataclass(frozen=True, slots=True)
class Move:
    """A block that cleaning moved (a caption, a sidebar, a footnote body) and where to."""

    text: str
    reason: str
    rule: str
    line: int | None = None
    placed: str = ""
    """Where it now is, in words (e.g. ``after paragraph 12``, ``footnote 3``)."""

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason, "rule": self.rule,
                "line": self.line, "placed": self.placed}


@dataclass(frozen=True, slots=True)
class Span:
    """An inline annotation over ``Block.text`` (character offsets, end exclusive). Frozen: an
    edit of the text that moves it makes a new one (``shifted``)."""

    start: int
    end: int
    kind: str
    """``footnote`` (target = footnote id), ``url`` (target = URL),
    ``entity`` (target = entity id), ``document`` (target = document source name),
    ``emphasis`` or ``strong`` (no target)."""
    target: str = ""

    def shifted(self, n: int) -> Span:
        """The same annotation ``n`` characters further on (back when ``n`` is negative)."""
        return Span(self.start + n, self.end + n, self.kind, self.target)


BLOCK_KINDS = (
    "heading",      # level 1-6
    "paragraph",    # label: "" or kicker|byline|dateline|contact (HEAD_LABELS) or lead
    "list_item",    # level = nesting depth from 0; number set for ordered items
    "admonition",   # label = kind (note, example, quote, info); title = its title
    "footnote",     # label = footnote id; text = body
    "letter",       # role = letterhead|date|addressee|salutation|closing|signatory|signatory_role
    "table",        # rows = cells (header rows first), header = how many, align = per column; text = every cell
    "preformatted", # text = the source lines, line breaks kept (tabular lines that do not split into cells)
)


HEAD_LABELS = frozenset(("kicker", "byline", "dateline", "contact"))
"""Labels of the paragraphs a document prints about itself, around its text rather than in it: an
over-title (``kicker``), a byline, masthead, address or publication line (``byline``), a dateline
(``dateline``: ``GENEVA, 3 May 2021``, split from the paragraph it opened) and a contact block
(``contact``). The page shows them in its header (``write.doc_header.head_lines``), with no
paragraph number: they are not citable."""


@dataclass(slots=True)
class Block:
    """One block of cleaned text. ``text`` is plain text: never Markdown, never HTML.

    Rendering escapes it, so whatever a seed contains shows as the literal text it is.
    """

    kind: str
    text: str
    level: int = 0
    number: str = ""
    """For ordered list items and numbered headings: the number as printed (``3``, ``IV``)."""
    label: str = ""
    """Admonition kind, footnote id, or letter role."""
    title: str = ""
    """Admonition title."""
    lines: tuple[int, int] = (0, 0)
    """1-based first and last source line."""
    spans: list[Span] = field(default_factory=list)
    anchor: str = ""
    """Stable anchor id (``para-12``) of a citable block: set on the copy of the block the link
    stage makes (``link.anchors.with_marks``), ``""`` before."""
    para: int = 0
    """Paragraph number (1, 2, …) for citable blocks, filled with ``anchor``."""
    aliases: list[str] = field(default_factory=list)
    """Older anchors that now resolve to this block (split or merged paragraphs)."""
    children: list[Block] = field(default_factory=list)
    """Body of an admonition."""
    rows: list[list[str]] = field(default_factory=list)
    """Cells of a ``table``, row by row (plain text, like ``text``); the first ``header`` rows
    are its header. ``text`` holds every cell too, so that whatever reads text reads them."""
    header: int = 0
    align: list[str] = field(default_factory=list)
    """Per column of a ``table``: ``left`` or ``right`` (numbers)."""
    lang: str = ""
    """The language of this block when it is not the document's (``en`` in a French report), set
    by the enrich stage; ``""`` for a block in the document's language."""

    @property
    def citable(self) -> bool:
        """A paragraph or list item with text that is not a page-header line: an item that is only
        its marker (``(e)`` over its sub-items ``(i)``, ``(ii)``) has nothing to cite, and a byline,
        dateline or contact line (``HEAD_LABELS``) is shown in the page header, not numbered."""
        return (self.kind in ("paragraph", "list_item") and bool(self.text.strip())
                and self.label not in HEAD_LABELS)


@dataclass(slots=True)
class Metadata:
    """What the enrich stage found about a document; ``None`` means not found."""

    title: str = ""
    title_source: str = ""
    """``heading``, ``subject``, ``first line``, ``synthesised``, ``override``."""
    title_lang: str = ""
    """The title's own language when it is not the document's (the page's H1 carries it), else ``""``."""
    title_block: int | None = None
    """Where in the document's ``blocks`` the block the title was taken from is
    (``enrich.metadata.title_heading``): the page shows it as its title, never again as a block nor
    as a quoted passage (``Document.title_heading``); ``None`` when no block is the title."""
    date: str | None = None
    """ISO 8601 date (``2016-08-10``), month (``2013-10``) or year; or ``None``."""
    period: str | None = None
    """A period the document covers, as written (``2012-2013``)."""
    organisation: str | None = None
    doc_type: str | None = None
    signatory: str | None = None
    signatory_role: str | None = None
    addressee: str | None = None
    symbols: list[str] = field(default_factory=list)
    """Document symbols cited, e.g. ``A/RES/67/172``."""
    lang: str | None = None
    """The language the document is written in: ISO 639-1 (``fr``), or ``None`` when the text
    is too short to tell."""
    sources: dict[str, str] = field(default_factory=dict)
    """Where each field came from (``text``, ``override``)."""
    missing: list[str] = field(default_factory=list)
    """Fields that could not be found."""
    overridden: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Fields set by ``metadata.yml``: field → ``{"text": what the text gave, "override": value}``."""


@dataclass(frozen=True, slots=True)
class ThemeHit:
    """A theme's evidence in a document."""

    theme: str
    score: float
    passages: tuple[tuple[int, float], ...] = ()
    """(block index, score) for the strongest passages, best first."""
    phrases: tuple[str, ...] = ()
    """Trigger phrases that matched."""


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """A seed cleaned into blocks: the output of ``clean``, the input of ``enrich``. Frozen (its
    lists and dicts are its own: ``enrich`` copies them before it adds to them)."""

    source: Source
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    moved: list[Move] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    """Counters from cleaning: ``rejoined``, ``hyphens_joined``, ``hyphens_kept``, …"""
    front_matter: dict[str, Any] = field(default_factory=dict)
    """Fields the source's own front matter or scraper header states (the ``front_matter``
    cleaning rule), read by the metadata stage; values as YAML gave them."""
    letter: dict[str, str] = field(default_factory=dict)
    """A letter's parts, role → text (``letterhead``, ``addressee``, ``subject``, ``signatory``, …),
    found by the ``letter`` cleaning rule and read by the metadata stage; empty for a non-letter."""
    masthead: list[str] = field(default_factory=list)
    """The site name and tagline lines cleaning removed above a web page's title (also in
    ``removed``, with their reason)."""
    misread: list[tuple[str, int, str]] = field(default_factory=list)
    """Words that look misread by OCR, left as printed: (word as printed, source line, probable
    reading), found by the ``misreadings`` cleaning rule; the build report lists them."""

    @property
    def name(self) -> str:
        return self.source.name


@dataclass(frozen=True, slots=True)
class Document:
    """A seed on its way to a page: the enriched document (``EnrichedDocument``), output of
    ``enrich`` (the fields of ``CleanDocument``, then what enrich found), which every later stage
    reads. Frozen: a stage that adds to it makes a copy (``dataclasses.replace``)."""

    source: Source
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    moved: list[Move] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    """Counters from cleaning: ``rejoined``, ``hyphens_joined``, ``hyphens_kept``, …; and from enrich."""
    meta: Metadata = field(default_factory=Metadata)
    themes: list[ThemeHit] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    """Key phrases suggested for an unthemed document."""
    slug: str = ""
    """Pinned page slug, set on the copy the link stage makes (``link.pins.pin``), ``""`` before."""
    front_matter: dict[str, Any] = field(default_factory=dict)
    """As ``CleanDocument.front_matter``."""
    letter: dict[str, str] = field(default_factory=dict)
    """As ``CleanDocument.letter``."""
    masthead: list[str] = field(default_factory=list)
    """As ``CleanDocument.masthead``."""
    misread: list[tuple[str, int, str]] = field(default_factory=list)
    """As ``CleanDocument.misread``."""
    main_themes: list[str] = field(default_factory=list)
    """The ids of the themes the document is about, not only mentions (``enrich.themes.score``)."""
    word_diff: list[tuple[str, str]] | None = None
    """The word diff of the source and the cleaned text: the per-document part of writing
    (``write.prepare``), worked out per document so that it is cached; ``None`` when not worked
    out yet."""
    link_prepared: Prepared | None = None
    """The per-document part of linking (``link.prepared.Prepared``), worked out on every core
    and cached with the document; ``None`` when not prepared (linking then works it out)."""

    @property
    def name(self) -> str:
        return self.source.name

    @property
    def title_heading(self) -> Block | None:
        """The block the page's title was taken from (``meta.title_block``), or ``None``."""
        at = self.meta.title_block
        return self.blocks[at] if at is not None else None


EnrichedDocument = Document
"""The enrich stage's hand-off by its stage name (``Document``, the name every later stage uses)."""
