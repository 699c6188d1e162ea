"""The whole build: read → clean → enrich → link → write, with the I/O at the edges.

``process`` is everything that happens to one document on its own (so it can be
cached and run in parallel); ``build`` gathers every document before linking, the
way MkDocs reads every page before writing any.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .clean import clean
from .config import Config, load_config
from .document import Document, Source
from .enrich import metadata, themes
from .errors import DocumentError
from .link import Corpus, link
from .read import find_seeds, read_seed
from .report import make_report
from .write import render

log = logging.getLogger(__name__)


@dataclass(slots=True)
class BuildResult:
    corpus: Corpus
    files: dict[str, str | bytes]
    report: dict[str, Any]
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


def process(source: Source, config: Config) -> Document:
    """Clean and enrich one decoded seed (no cross-document work)."""
    doc = clean(source)
    doc.meta = metadata.extract(doc, config.overrides.get(source.name))
    doc.themes = themes.score(doc, config.themes)
    return doc


def build(seeds_dir: Path, root: Path, config: Config | None = None) -> BuildResult:
    """Build the site's Markdown in memory. Raises ``ConfigError`` for bad configuration."""
    started = time.perf_counter()
    config = config or load_config(root)
    seeds, notices = find_seeds(seeds_dir)
    documents: list[Document] = []
    rejected: list[dict[str, str]] = []
    seen: dict[str, str] = {}
    for seed in seeds:
        try:
            source = read_seed(seed)
        except DocumentError as exc:
            log.warning("Skipping '%s': %s", seed.name, exc.reason)
            rejected.append({"source": seed.name, "reason": exc.reason, "action": exc.action})
            continue
        except OSError as exc:
            log.warning("Skipping '%s': cannot read it (%s)", seed.name, exc.strerror or exc)
            rejected.append({"source": seed.name, "reason": f"cannot read it ({exc})", "action": "skipped"})
            continue
        if source.sha256 in seen:
            notices.append(f"{seed.name}: same bytes as {seen[source.sha256]} (published once, under "
                           f"{seen[source.sha256]})")
            continue
        seen[source.sha256] = seed.name
        try:
            documents.append(process(source, config))
        except Exception as exc:  # a bug on one document must not stop the site
            log.exception("Skipping '%s': the builder failed on it", seed.name)
            rejected.append({"source": seed.name, "reason": f"builder error: {exc!r}", "action": "skipped"})
    for notice in notices:
        log.info("%s", notice)
    corpus = link(documents, config)
    corpus.rejected = rejected
    corpus.notices = notices
    files: dict[str, str | bytes] = dict(render(corpus))
    report = make_report(corpus)
    return BuildResult(corpus, files, report, time.perf_counter() - started)
