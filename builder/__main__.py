"""Command line: ``python -m builder build [--seeds DIR] [--docs DIR] [--report FILE] [--check]
[--executor dask --scheduler ADDRESS]``.

Exit status: 0 when every document was published, 1 when some were rejected (the site still
built; with ``--check``, also when docs/ is out of date), 2 for a usage, configuration or
writing error (nothing written), 3 when the builder itself failed (a bug: nothing written, the
traceback is printed), 130 when interrupted by Ctrl-C or SIGTERM (nothing written). The build
itself is ``builder.build.run``, which the MkDocs hook calls too.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import BuilderError, ConfigError

if TYPE_CHECKING:  # the CLI loads the build only to run one
    from .build import Outcome

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

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
    level = logging.ERROR if args.quiet else (logging.DEBUG if args.verbose > 1 else
                                              logging.INFO if args.verbose else logging.WARNING)
    from .progress import StderrHandler

    logging.basicConfig(level=level, format="%(levelname)s %(message)s", handlers=[StderrHandler()])
    outcome = _build(args)
    if isinstance(outcome, int):
        return outcome
    return _tell(args, outcome)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


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


def _build(args: argparse.Namespace) -> Outcome | int:
    """The build the arguments ask for, or the exit status of what stopped it (said on stderr)."""
    from .build import Busy, Options, UsageError, run
    from .manifest import BrokenPermalinks
    from .progress import make_progress

    try:
        with make_progress(args.quiet) as progress:  # shown only on a terminal, never in CI
            return run(Options(args.seeds, args.docs, args.root, check=args.check, jobs=args.jobs or None,
                               scheduler=args.scheduler if args.executor == "dask" else None,
                               use_cache=not args.no_cache, need_report=bool(args.report), wait=args.wait,
                               progress=progress, say=_say))
    except BrokenPermalinks as exc:
        print(f"nothing written: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ConfigError as exc:
        print(f"configuration error:\n{exc}", file=sys.stderr)
        return EXIT_USAGE
    except (UsageError, Busy, BuilderError) as exc:  # a folder missing or odd, a write failing, another build
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"interrupted: {args.docs} is the previous tree or the new one, never a mix", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception:  # a bug in the builder, not in a seed (those are rejected one by one)
        logging.getLogger("builder").exception("the builder failed; nothing written, %s is unchanged", args.docs)
        return EXIT_BUG


def _tell(args: argparse.Namespace, outcome: Outcome) -> int:
    """Say what the build did (the report file too, when asked for); its exit status."""
    from .progress import summary

    if not args.quiet:
        for line in outcome.recovered:
            _say(f"after an interrupted build: {line}")
    if args.report and outcome.result is not None:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(outcome.result.report, indent=2, ensure_ascii=False) + "\n",
                               encoding="utf-8")
    status = EXIT_REJECTED if outcome.rejected else EXIT_OK
    if args.check and outcome.out_of_date:
        print(f"{args.docs} is out of date with the seeds ({len(outcome.out_of_date)} file(s)); "
              "run `python -m builder build`:", file=sys.stderr)
        for line in outcome.out_of_date:
            print(f"  {line}", file=sys.stderr)
        status = EXIT_REJECTED
    elif not args.quiet:
        if outcome.skipped:
            print(f"{args.docs} is up to date ({outcome.documents} documents; nothing changed since the last build).")
        elif args.check:
            print(f"{args.docs} is up to date ({len(outcome.result.files)} files).")
        else:
            print("\n".join(summary(outcome.result, str(args.docs), args.verbose, len(outcome.changed))))
    if outcome.rejected:  # errors: shown even with -q, and they fail --check
        print(f"{len(outcome.rejected)} seed(s) rejected, not published:", file=sys.stderr)
        for r in outcome.rejected:
            print(f"  rejected {r['source']}: {r['reason']} ({r['action']})", file=sys.stderr)
    if not args.quiet:
        for name, reason in sorted(outcome.ignored.items()):
            print(f"  ignored {name}: {reason} (listed under 'ignored' in metadata.yml)", file=sys.stderr)
    return status


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
