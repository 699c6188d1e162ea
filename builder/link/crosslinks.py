"""Cross-document links: entities, related documents, references between documents, timeline.

Takes the pinned documents (slugs and paragraph anchors), every one at once.
Adds spans to blocks (``link.find_links``) and keeps what the entity, related and timeline
pages need in ``LinkedCorpus.links``: a ``Links``, defined here. Pure: no I/O.

- Entity mentions: every spelling of every entity (``enrich.entities``) in every block is
  a mention, listed on the entity page. The first mention of an entity in each section
  (the blocks between two headings; a box; the footnotes) becomes a link,
  ``Span(kind="entity")``, but never in a heading, a box title or the letter parts, and
  never over another span (a URL, a footnote marker, bold).
- Documents naming documents: another document's full title in the text becomes a
  ``Span(kind="document")``; a document is never linked from itself.
- Subjects: events, instruments and initiatives named in a document's title are what it
  is about; an event there is the event the document was written for. "Referenced by"
  lists the documents that name the document, its event or its subject.
- Related documents: the documents that share the most rare entities, themes and
  wording with each one, best first, each with the reason in words. Candidates come from
  inverted indexes (entities, the strongest documents of each theme, shared word
  sequences), so the work grows with the links, not with the square of the corpus.
- Timeline: dated documents and the dated entities they mention, in date order.
"""


from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..enrich.entities import Entity

if TYPE_CHECKING:
    from .corpus import Corpus


LINK_KINDS = ("entity", "document")


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a document names an entity."""

    doc: str
    block: int
    """Index in ``doc.blocks``."""
    anchor: str
    """Paragraph anchor (``para-4``), or ``""`` outside paragraphs."""
    para: int
    where: str
    """``paragraph``, ``title``, ``heading``, ``box title``, ``footnote``, ``letter``."""
    start: int
    end: int
    text: str
    """The spelling as written."""
    child: int = -1
    """Index in the block's children (a paragraph inside a box), or -1."""


@dataclass(frozen=True, slots=True)
class Related:
    doc: str
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class Reference:
    doc: str
    reason: str


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    kind: str
    """``document`` or ``entity``."""
    ref: str
    """Document source name or entity id."""


@dataclass(frozen=True, slots=True)
class Links:
    """What the link stage found, for the write stage. Frozen: ``find_links`` sets each field
    that a phase returns with ``dataclasses.replace`` (the per-document dicts are filled by the
    phase that finds them, before writing reads them)."""

    entities: dict[str, Entity]
    mentions: dict[str, dict[str, list[Mention]]] = field(default_factory=dict)
    """Entity id → document name → mentions, documents in corpus order."""
    definitions: dict[str, tuple[str, int, str]] = field(default_factory=dict)
    """Entity id → (document name, paragraph number, sentence) where the corpus defines it."""
    abbreviations: dict[str, dict[str, str]] = field(default_factory=dict)
    """Document name → acronym as written → its expansion (for tooltips)."""
    doc_refs: dict[str, list[str]] = field(default_factory=dict)
    """Document name → documents it names."""
    subjects: dict[str, list[str]] = field(default_factory=dict)
    """Document name → entity ids its title names (events, instruments, initiatives)."""
    written_for: dict[str, list[str]] = field(default_factory=dict)
    """Document name → events its title names."""
    related: dict[str, list[Related]] = field(default_factory=dict)
    referenced_by: dict[str, list[Reference]] = field(default_factory=dict)
    timeline: list[TimelineEntry] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def documents_mentioning(self, entity_id: str) -> list[str]:
        return list(self.mentions.get(entity_id, {}))

    def mentioned(self) -> list[Entity]:
        """Entities named by at least one document (those that get a page)."""
        return [e for eid, e in self.entities.items() if self.mentions.get(eid)]


def get(corpus: Corpus) -> Links | None:
    """What cross-linking found in ``corpus`` (``None`` for a deprecated unlinked ``Corpus``)."""
    return corpus.links
