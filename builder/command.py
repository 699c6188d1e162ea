"""The build the command line asks for (``python -m builder build``, its arguments parsed by
``builder.__main__``): run it (``builder.build.run``, which the MkDocs hook calls too), say what
it did and give the exit status (``builder.errors``: ``EXIT_…``)."""

from __future__ import annotations

import argparse
import json
import logging
import sys

from .build import Busy, Options, Outcome, UsageError
from .build import run as run_build
from .errors import EXIT_BUG, EXIT_INTERRUPTED, EXIT_OK, EXIT_REJECTED, EXIT_USAGE, BuilderError, ConfigError
from .manifest import BrokenPermalinks
from .progress import StderrHandler, make_progress, summary


def run(args: argparse.Namespace) -> int:
    """Run the build ``args`` asks for; its exit status."""
    level = logging.ERROR if args.quiet else (logging.DEBUG if args.verbose > 1 else
                                              logging.INFO if args.verbose else logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s %(message)s", handlers=[StderrHandler()])
    outcome = _build(args)
    if isinstance(outcome, int):
        return outcome
    return _tell(args, outcome)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _build(args: argparse.Namespace) -> Outcome | int:
    """The build the arguments ask for, or the exit status of what stopped it (said on stderr)."""
    try:
        with make_progress(args.quiet) as progress:  # shown only on a terminal, never in CI
            return run_build(Options(args.seeds, args.docs, args.root, check=args.check, jobs=args.jobs or None,
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
