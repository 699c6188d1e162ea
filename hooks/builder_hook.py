"""MkDocs hook: run the builder before every build, so the site is never stale.

Registered in ``mkdocs.yml`` under ``hooks:``. Before MkDocs collects the pages
(``on_pre_build``), it turns ``seeds/`` and the YAML files beside ``mkdocs.yml`` into
``docs/``, exactly as ``python -m builder build`` does, so:

- ``mkdocs build`` alone publishes an up-to-date site (no separate builder run needed);
- ``mkdocs serve`` regenerates the pages and reloads the browser when a seed,
  ``themes.yml``, ``entities.yml``, ``metadata.yml`` or ``permalinks.yml`` changes
  (``on_serve`` adds them to the watched paths).

Only files whose content changed are written (``sync_tree``): ``mkdocs serve`` also
watches ``docs/``, and a rebuild that writes nothing cannot set off another one.
Every path is taken relative to the folder of ``mkdocs.yml``.
"""

from __future__ import annotations

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

from builder.errors import ConfigError  # noqa: E402

log = get_plugin_logger("builder")

SEEDS = "seeds"
"""The seeds folder, relative to mkdocs.yml."""
WATCHED = ("themes.yml", "entities.yml", "metadata.yml", "permalinks.yml")
"""Configuration files beside mkdocs.yml whose edits regenerate the site (when they exist)."""


def project_root(config: Any) -> Path:
    """The folder of mkdocs.yml (every other path is relative to it)."""
    path = config.get("config_file_path") if hasattr(config, "get") else getattr(config, "config_file_path", None)
    return Path(path).resolve().parent if path else Path.cwd()


def watched_paths(root: Path) -> list[Path]:
    """What ``mkdocs serve`` should watch besides docs/ and mkdocs.yml."""
    return [p for p in [root / SEEDS, *(root / name for name in WATCHED)] if p.exists()]


def regenerate(config: Any) -> list[str]:
    """Run the builder for the project of ``config`` and write what changed into its docs_dir.

    Returns the docs-relative paths written or deleted (empty when docs/ was up to date).
    Raises ``PluginError`` (which stops ``mkdocs build``) for a configuration error.
    """
    from builder.pipeline import build
    from builder.write.files import sync_tree

    root = project_root(config)
    docs = Path(config["docs_dir"])
    seeds = root / SEEDS
    if not seeds.is_dir():
        raise PluginError(f"builder: seeds folder '{seeds}' does not exist (it is read from beside mkdocs.yml)")
    from builder import stamp

    started = time.perf_counter()
    inputs = stamp.inputs(seeds, root, docs)
    done = stamp.up_to_date(root, docs, inputs)
    if done is not None:  # docs/ was built from exactly these inputs (e.g. by the CLI) and not touched since
        rejected = done.get("rejected") or []
        log.info("%d document(s) from %s, %s up to date (nothing changed since the last build) in %.2f s%s",
                 done.get("documents", 0), seeds.name, docs.name, time.perf_counter() - started,
                 f"; {len(rejected)} seed(s) not published (see the build report)" if rejected else "")
        for r in rejected:
            log.info("not published: %s: %s (%s)", r["source"], r["reason"], r["action"])
        return []
    try:
        result = build(seeds, root)
    except ConfigError as exc:
        raise PluginError(f"builder: configuration error:\n{exc}") from exc
    changed = sync_tree(result.files, docs)
    manifest = getattr(result, "manifest", "")
    if manifest:
        from builder.permalinks import MANIFEST_NAME
        from builder.write.files import write_file

        write_file(root / MANIFEST_NAME, manifest)
    rejected = result.corpus.rejected
    stamp.record(root, docs, inputs, rejected, len(result.corpus.documents))
    log.info("%d document(s) from %s, %d file(s) changed in %s in %.2f s%s",
             len(result.corpus.documents), seeds.name, len(changed), docs.name, time.perf_counter() - started,
             f"; {len(rejected)} seed(s) not published (see the build report)" if rejected else "")
    for r in rejected:
        log.info("not published: %s: %s (%s)", r["source"], r["reason"], r["action"])
    return changed


def on_pre_build(config: Any, **kwargs: Any) -> None:
    """Regenerate docs/ before MkDocs reads it (every ``mkdocs build`` and every serve rebuild)."""
    regenerate(config)


def on_serve(server: Any, config: Any, builder: Any = None, **kwargs: Any) -> Any:
    """Watch the seeds and the configuration files, so editing them regenerates the site."""
    already = {str(Path(p).resolve()) for p in config.get("watch", [])}
    for path in watched_paths(project_root(config)):
        if str(path.resolve()) not in already:
            server.watch(str(path))
    return server
