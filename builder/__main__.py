"""Command line: ``python -m builder build [--seeds DIR] [--docs DIR] [--report FILE] [--check]
[--executor dask --scheduler ADDRESS]``.

Exit status: 0 when every document was published, 1 when some were rejected (the site still
built; with ``--check``, also when docs/ is out of date), 2 for a usage, configuration or
writing error (nothing written), 3 when the builder itself failed (a bug: nothing written, the
traceback is printed), 130 when interrupted by Ctrl-C or SIGTERM (nothing written). The build
itself is ``builder.build.run``, which the MkDocs hook calls too.

This module reads the command line with nothing of the builder loaded, so ``--help`` and a usage
error answer at once; ``builder.command`` runs the build it asks for and says what it did.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import signal
import sys
from pathlib import Path

from .errors import EXIT_BUG, EXIT_INTERRUPTED, EXIT_OK, EXIT_REJECTED, EXIT_USAGE

__all__ = ["EXIT_BUG", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_REJECTED", "EXIT_USAGE", "main", "parser"]

HELP_SEEDS = "folder of raw .txt documents (default: seeds/)"
HELP_DOCS = "folder to write the generated Markdown into (default: docs/)"
HELP_REPORT = "write a JSON report of the build to FILE"
HELP_CHECK = ("build in memory, without the cache, and fail, listing the files, if the docs folder or permalinks.yml "
              "differ from what the seeds produce, or naming each seed that was rejected")
HELP_JOBS = "process seeds on N processes (default: every core; 1 = no process pool)"
HELP_EXECUTOR = ("where per-document work runs: local (processes on this machine, the default) or dask "
                 "(the workers of the Dask cluster at --scheduler; needs the 'dask' extra)")
HELP_SCHEDULER = "address of the Dask scheduler for --executor dask, e.g. tcp://10.0.0.5:8786"
HELP_NO_CACHE = "process every seed again, ignoring and not updating .cache/builder/"
HELP_ROOT = "folder holding mkdocs.yml, themes.yml, entities.yml and metadata.yml (default: .)"
HELP_WAIT = ("when another build of the same project is running, wait up to SECONDS for it "
             "(default: %(default)s), then stop")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m builder", description="Build the corpus site's Markdown.")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="turn seeds/ into docs/")
    b.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR", help=HELP_SEEDS)
    b.add_argument("--docs", type=Path, default=Path("docs"), metavar="DIR", help=HELP_DOCS)
    b.add_argument("--report", type=Path, metavar="FILE", help=HELP_REPORT)
    b.add_argument("--check", action="store_true", help=HELP_CHECK)
    b.add_argument("--root", type=Path, default=Path("."), metavar="DIR", help=HELP_ROOT)
    b.add_argument("--jobs", "-j", type=int, default=0, metavar="N", help=HELP_JOBS)
    b.add_argument("--executor", choices=("local", "dask"), default="local", help=HELP_EXECUTOR)
    b.add_argument("--scheduler", metavar="ADDRESS", help=HELP_SCHEDULER)
    b.add_argument("--no-cache", action="store_true", help=HELP_NO_CACHE)
    b.add_argument("--wait", type=float, default=300.0, metavar="SECONDS", help=HELP_WAIT)
    b.add_argument("-v", "--verbose", action="count", default=0, help="more output (-vv for debug)")
    b.add_argument("-q", "--quiet", action="store_true", help="only errors")
    return p


def main(argv: list[str] | None = None) -> int:
    _sigterm_is_ctrl_c()
    args = _arguments(argv)
    if isinstance(args, int):
        return args
    # The one import of the builder's own code inside a function: the command line is read
    # before the builder is loaded, so --help and a usage error answer at once (about 0.2 s of
    # CPU; loading the stages first makes it 1.2 s). Nothing else of the builder hides this way
    # (tests/test_import_layers.py).
    from .command import run

    return run(args)


def _arguments(argv: list[str] | None) -> argparse.Namespace | int:
    """The parsed command line, or the exit status of a usage error (or of --help)."""
    p = parser()
    try:
        args = p.parse_args(argv)
        if args.executor == "dask" and not args.scheduler:
            p.error("--executor dask needs --scheduler ADDRESS (the Dask scheduler, e.g. tcp://10.0.0.5:8786)")
        if args.scheduler and args.executor != "dask":
            p.error("--scheduler is for --executor dask")
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    if args.executor == "dask" and importlib.util.find_spec("distributed") is None:
        print("error: --executor dask needs Dask, an optional extra: pip install -e '.[dask]'", file=sys.stderr)
        return EXIT_USAGE
    return args


def _sigterm_is_ctrl_c() -> None:
    """SIGTERM (``kill``, a CI job cancelled) is handled like Ctrl-C in this process: the build
    stops, its staging is removed and docs/ stays the previous tree or the new one. Processes
    forked by the build (workers) get the default action back."""
    main_pid = os.getpid()

    def handler(signum: int, frame: object) -> None:
        if os.getpid() != main_pid:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


if __name__ == "__main__":
    sys.exit(main())
