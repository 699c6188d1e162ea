"""The hand-offs around the link stage: the ``Corpus`` it reads, every published document at
once, and the ``LinkedCorpus`` it returns for the write stage, with what it pinned and found."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Config
from ..document import Document
from ..manifest import Manifest
from .crosslinks import Links
from .pins import Pins


@dataclass(frozen=True, slots=True, eq=False, weakref_slot=True)
class Corpus:
    """Everything the write stage needs to render the site. Frozen: a stage that adds to it
    returns a new one (``dataclasses.replace``). Equal only to itself (hashed by identity) and
    weakly referable, so that what the write stage works out once per corpus can be memoised
    for as long as the corpus lives."""

    documents: list[Document]
    """Published documents, sorted by date then title."""
    config: Config
    rejected: list[dict[str, str]] = field(default_factory=list)
    """Seeds that could not be published: ``{source, reason, action}``."""
    notices: list[str] = field(default_factory=list)
    pins: Pins | None = None
    """Deprecated, read ``LinkedCorpus.pins``: kept while tests still render an unlinked corpus."""
    links: Links | None = None
    """Deprecated, read ``LinkedCorpus.links``: kept while tests still render an unlinked corpus."""
    names: dict[str, Document] = field(init=False, repr=False)
    """The documents by seed name (``by_name``): made with the corpus, not once per page (that
    is quadratic, minutes at 10,000 documents)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", {d.name: d for d in self.documents})  # (frozen: set once, here)

    @property
    def manifest(self) -> Manifest | None:
        """The permalink manifest the pages are pinned against: after linking, the one this build
        makes (``pins.manifest``); before, the one the configuration loaded; else ``None``."""
        return self.pins.manifest if self.pins is not None else self.config.permalinks


@dataclass(frozen=True, slots=True, eq=False, weakref_slot=True)
class LinkedCorpus(Corpus):
    """What the link stage hands to writing (``link.link``): the corpus with its documents pinned
    and cross-linked, and what linking made of them, both required. Frozen, equal only to itself
    and weakly referable, like the ``Corpus`` it extends."""

    pins: Pins = field(kw_only=True)  # (required here: optional only on the deprecated Corpus field)
    """What the link stage pinned: each page and anchor, the redirects and withdrawn pages (``pins.assign``)."""
    links: Links = field(kw_only=True)
    """What cross-linking found, for the entity, related and timeline pages (``link.find_links``)."""

    @property
    def manifest(self) -> Manifest:
        """The permalink manifest this build makes (``pins.manifest``), the pages are pinned against."""
        return self.pins.manifest


def by_name(corpus: Corpus) -> dict[str, Document]:
    """The corpus's documents by seed name."""
    return corpus.names


def sort_key(doc: Document) -> tuple[str, str, str]:
    return (doc.meta.date or "9999", doc.meta.title.lower(), doc.name)
