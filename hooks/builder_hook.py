"""MkDocs hook: run the builder before every build, so the site is never stale.

Registered in ``mkdocs.yml`` under ``hooks:``. Before MkDocs collects the pages
(``on_pre_build``), it turns ``seeds/`` and the YAML files beside ``mkdocs.yml`` into
``docs/``, exactly as ``python -m builder build`` does, so:

- ``mkdocs build`` alone publishes an up-to-date site (no separate builder run needed);
- ``mkdocs serve`` regenerates the pages and reloads the browser when a seed,
  ``themes.yml``, ``entities.yml`` or ``metadata.yml`` changes (``on_serve`` adds them to the
  watched paths), once per save; ``mkdocs serve --dirty`` then renders only the pages whose
  Markdown changed. The serving process keeps what each build read for the next one (the cached
  documents and pages, the manifest it wrote: ``builder.engine.live``), so a rebuild does not
  read them from the disk again; its first build runs in full to fill it.

The build is the command line's (``builder.build.run``): the same lock, the same atomic swap
of ``docs/`` with ``permalinks.yml`` (a killed ``mkdocs serve`` leaves the old pages or the new
ones), the same clean-up after a killed build. Unchanged files keep their inode and
modification time (hard links), so ``mkdocs serve``, which also watches ``docs/``, sees only
what changed, and a rebuild that changes nothing writes nothing and cannot set off another one.
Errors stop MkDocs with the builder's message (``PluginError``), never a traceback; each
rejected seed is a warning, so ``mkdocs build --strict`` fails naming it (without ``--strict``
the rest of the site builds). Every path is taken relative to the folder of ``mkdocs.yml``.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

try:
    import builder  # noqa: F401  (installed with `pip install -e .`)
except ImportError:  # a checkout that was not installed: the package sits beside hooks/
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from builder.engine import live  # noqa: E402
from builder.errors import BuilderError, ConfigError  # noqa: E402
from builder.progress import in_ci  # noqa: E402
from builder.write.files import KEEP  # noqa: E402

log = get_plugin_logger("builder")

SEEDS = "seeds"
"""The seeds folder, relative to mkdocs.yml."""
WATCHED = ("themes.yml", "entities.yml", "metadata.yml")
"""Configuration files beside mkdocs.yml whose edits regenerate the site (when they exist). Not
``permalinks.yml``: the build itself rewrites it when a page gains an anchor, and watching it set
off a second rebuild after such a save (a hand edit of it takes effect at the next rebuild)."""
WAIT = 300.0
"""Seconds to wait for another build of the project (e.g. ``python -m builder build``) to finish."""
DEPLOYING = ("build", "gh-deploy")
"""MkDocs commands that make a site to publish (``serve`` is a preview)."""
UNSTRICT_WARNING = logging.WARNING - 1
"""The level of the warning about a placeholder ``site_url``: shown as a WARNING, but below the
level ``mkdocs build --strict`` counts. The project's own CI builds the shipped site, whose
``site_url`` is the placeholder, on every branch; the Pages workflow sets it before deploying."""
_command = {"name": ""}
"""The MkDocs command running (``on_startup``)."""


def project_root(config: Any) -> Path:
    """The folder of mkdocs.yml (every other path is relative to it)."""
    path = config.get("config_file_path") if hasattr(config, "get") else getattr(config, "config_file_path", None)
    return Path(path).resolve().parent if path else Path.cwd()


def watched_paths(root: Path) -> list[Path]:
    """What ``mkdocs serve`` should watch besides docs/ and mkdocs.yml."""
    return [p for p in [root / SEEDS, *(root / name for name in WATCHED)] if p.exists()]


def regenerate(config: Any) -> list[str]:
    """Run the builder for the project of ``config`` into its docs_dir (``builder.build.run``).

    Returns the docs-relative paths written or deleted (empty when docs/ was up to date).
    Raises ``PluginError`` (which stops ``mkdocs build`` with its message) for a configuration
    error, a permalink that would break, a docs folder that cannot be written or another
    build that does not finish; logs a warning per rejected seed.
    """
    from builder.build import Options, run
    from builder.manifest import BrokenPermalinks

    root = project_root(config)
    docs = Path(config["docs_dir"])
    seeds = root / SEEDS
    started = time.perf_counter()
    warm_up = serving() and not live.active(root)
    if serving():  # the serving process keeps what each build read for the next one (``engine.live``)
        live.start(root)
    try:
        # Serve's first build runs even when docs/ is up to date, to fill the session: the first
        # edit then finds every document and page in memory (it costs the start, once).
        outcome = run(Options(seeds, docs, root, wait=WAIT, say=log.info, deploying=deploying(config),
                              warn=warn_unstrict, need_report=warm_up))
    except BrokenPermalinks as exc:
        raise PluginError(f"builder: published permalinks would break; nothing written:\n{exc}") from exc
    except ConfigError as exc:
        raise PluginError(f"builder: configuration error:\n{exc}") from exc
    except BuilderError as exc:
        where = " (it is read from beside mkdocs.yml)" if not seeds.is_dir() else ""
        raise PluginError(f"builder: {exc}{where}") from exc
    for line in outcome.recovered:
        log.info("after an interrupted build: %s", line)
    rejected = outcome.rejected
    state = (f"{docs.name} up to date (nothing changed since the last build)" if outcome.skipped
             else f"{len(outcome.changed)} file(s) changed in {docs.name}")
    log.info("%d document(s) from %s, %s in %.2f s%s", outcome.documents, seeds.name, state,
             time.perf_counter() - started, f"; {len(rejected)} seed(s) rejected" if rejected else "")
    for r in rejected:  # a warning each: `mkdocs build --strict` fails on them
        log.warning("seed not published: %s: %s (%s)", r["source"], r["reason"], r["action"])
    for name, reason in sorted(outcome.ignored.items()):
        log.info("seed ignored: %s: %s (listed under 'ignored' in metadata.yml)", name, reason)
    return outcome.changed


def serving() -> bool:
    """``mkdocs serve``: one process builds again after every saved edit."""
    return _command["name"] == "serve"


def deploying(config: Any) -> bool:
    """``mkdocs build`` (or ``gh-deploy``) under ``strict`` or in CI: a site to publish."""
    strict = config.get("strict") if hasattr(config, "get") else getattr(config, "strict", False)
    return _command["name"] in DEPLOYING and bool(strict or in_ci())


def warn_unstrict(message: str) -> None:
    """Log ``message`` as a WARNING that ``--strict`` does not count (``UNSTRICT_WARNING``)."""
    logger = log.logger
    if logger.isEnabledFor(UNSTRICT_WARNING):
        record = logger.makeRecord(logger.name, UNSTRICT_WARNING, __file__, 0, "builder: %s", (message,), None)
        record.levelname = "WARNING"
        logger.handle(record)


class _DirtyNotice(logging.Filter):
    """``mkdocs serve --dirty`` renders again only the pages whose Markdown is newer than their
    HTML; MkDocs warns that this may leave the navigation stale, and under ``strict: true`` that
    warning alone aborts the build. Here it does not apply: the navigation lists sections only
    (every document is reached from its section's pages, which the builder rewrites when their
    content changes), and the builder touches only the files whose bytes changed. So the
    warning is shown as information, and ``--dirty`` works with ``strict``."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and record.getMessage().startswith("A 'dirty' build"):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def on_startup(command: str, dirty: bool = False, **kwargs: Any) -> None:
    _command["name"] = command
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())


def on_pre_build(config: Any, **kwargs: Any) -> None:
    """Regenerate docs/ before MkDocs reads it (every ``mkdocs build`` and every serve rebuild)."""
    regenerate(config)


def on_serve(server: Any, config: Any, builder: Any = None, **kwargs: Any) -> Any:
    """Watch the seeds and the configuration files, so editing them regenerates the site.

    ``docs/`` itself is not watched, only its hand-made folders (``KEEP``): the rest is the
    builder's output, written during the rebuild a seed edit set off, and watching it set off a
    second rebuild after every save."""
    already = {str(Path(p).resolve()) for p in config.get("watch", [])}
    for path in watched_paths(project_root(config)):
        if str(path.resolve()) not in already:
            server.watch(str(path))
    docs = Path(config["docs_dir"])
    if str(docs.resolve()) not in already and hasattr(server, "unwatch"):
        try:
            server.unwatch(str(docs))
        except KeyError:  # (not watched: MkDocs without livereload)
            pass
        else:
            for name in KEEP:
                if (docs / name).is_dir():
                    server.watch(str(docs / name))
    return server
