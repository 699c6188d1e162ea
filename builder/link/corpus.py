"""The link stage's hand-off to writing: the ``Corpus``, every published document at once."""

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
    """What the link stage pinned: each page and anchor, the redirects and withdrawn pages (``pins.assign``)."""
    links: Links | None = None
    """What cross-linking found, for the entity, related and timeline pages (``link.cross_link``)."""
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


def by_name(corpus: Corpus) -> dict[str, Document]:
    """The corpus's documents by seed name."""
    return corpus.names


def sort_key(doc: Document) -> tuple[str, str, str]:
    return (doc.meta.date or "9999", doc.meta.title.lower(), doc.name)
