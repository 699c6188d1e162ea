"""Command line: ``python -m builder build [--seeds DIR] [--docs DIR] [--report FILE] [--check]``.

Exit status: 0 when every document was published, 1 when some were rejected (the
site still built), 2 for a usage or configuration error (nothing written), 3 when the
builder itself failed (a bug: nothing written, the traceback is printed), 130 when
interrupted (nothing written).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from contextlib import nullcontext
from pathlib import Path

from .errors import ConfigError

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

HELP_SEEDS = "folder of raw .txt documents (default: seeds/)"
HELP_DOCS = "folder to write the generated Markdown into (default: docs/)"
HELP_REPORT = "write a JSON report of the build to FILE"
HELP_CHECK = "build in memory and fail, listing the files, if DOCS differs from what the seeds produce"
HELP_JOBS = "process seeds on N processes (default: every core; 1 = no process pool)"
HELP_NO_CACHE = "process every seed again, ignoring and not updating .cache/builder/"
HELP_ROOT = "folder holding mkdocs.yml, themes.yml, entities.yml and metadata.yml (default: .)"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m builder", description="Build the corpus site's Markdown.")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="turn seeds/ into docs/")
    b.add_argument("--seeds", type=Path, default=Path("seeds"), help=HELP_SEEDS)
    b.add_argument("--docs", type=Path, default=Path("docs"), help=HELP_DOCS)
    b.add_argument("--report", type=Path, help=HELP_REPORT)
    b.add_argument("--check", action="store_true", help=HELP_CHECK)
    b.add_argument("--root", type=Path, default=Path("."), help=HELP_ROOT)
    b.add_argument("--jobs", "-j", type=int, default=0, metavar="N", help=HELP_JOBS)
    b.add_argument("--no-cache", action="store_true", help=HELP_NO_CACHE)
    b.add_argument("-v", "--verbose", action="count", default=0, help="more output (-vv for debug)")
    b.add_argument("-q", "--quiet", action="store_true", help="only errors")
    return p


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    level = logging.ERROR if args.quiet else (logging.DEBUG if args.verbose > 1 else
                                              logging.INFO if args.verbose else logging.WARNING)
    from .progress import StderrHandler, make_progress, summary

    logging.basicConfig(level=level, format="%(levelname)s %(message)s", handlers=[StderrHandler()])
    if not args.seeds.is_dir():
        print(f"error: seeds folder '{args.seeds}' does not exist", file=sys.stderr)
        return EXIT_USAGE
    if not args.root.is_dir():
        print(f"error: --root folder '{args.root}' does not exist", file=sys.stderr)
        return EXIT_USAGE
    from .pipeline import build
    from .permalinks import MANIFEST_NAME, BrokenPermalinks
    from .write.files import StagedTree, TreeDiff, diff_file, write_file
    from . import stamp

    inputs = "" if args.no_cache else stamp.inputs(args.seeds, args.root, args.docs)
    if inputs and not args.check and not args.report:
        done = stamp.up_to_date(args.root, args.docs, inputs)
        if done is not None:  # docs/ was built from exactly these inputs and not touched since
            rejected = done.get("rejected") or []
            if not args.quiet:
                print(f"{args.docs} is up to date ({done.get('documents', 0)} documents; nothing changed "
                      "since the last build).")
                for r in rejected:
                    print(f"  rejected {r['source']}: {r['reason']} ({r['action']})", file=sys.stderr)
            return EXIT_REJECTED if rejected else EXIT_OK
    # The pages stream from the renderer into the sink: compared with docs/ (--check), or written
    # into a staging tree that replaces docs/ in one swap once every page is written (atomic).
    check = TreeDiff(args.docs) if args.check else None
    try:
        with make_progress(args.quiet) as progress:  # shown only on a terminal, never in CI
            with nullcontext() if check is not None else StagedTree(args.docs) as staged:
                result = build(args.seeds, args.root, jobs=args.jobs or None, use_cache=not args.no_cache,
                               progress=progress, sink=check or staged)
                if staged is not None:
                    staged.commit()
    except BrokenPermalinks as exc:
        print(f"nothing written: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ConfigError as exc:
        print(f"configuration error:\n{exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"interrupted: {args.docs} is the previous tree or the new one, never a mix", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        print(f"error: cannot write {args.docs}: {exc}; the previous {args.docs} is unchanged", file=sys.stderr)
        return EXIT_USAGE
    except Exception:  # a bug in the builder, not in a seed (those are rejected one by one)
        logging.getLogger("builder").exception("the builder failed; nothing written, %s is unchanged", args.docs)
        return EXIT_BUG
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(result.report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if check is not None:
        problems = check.finish() + diff_file(result.manifest, args.root / MANIFEST_NAME)
        if problems:
            print(f"{args.docs} is out of date with the seeds ({len(problems)} file(s)); "
                  "run `python -m builder build`:", file=sys.stderr)
            for line in problems:
                print(f"  {line}", file=sys.stderr)
            return EXIT_REJECTED
        if not args.quiet:
            print(f"{args.docs} is up to date ({len(result.files)} files).")
        return EXIT_OK
    try:
        write_file(args.root / MANIFEST_NAME, result.manifest)
        if inputs:
            stamp.record(args.root, args.docs, inputs, result.corpus.rejected, len(result.corpus.documents))
    except OSError as exc:
        print(f"error: cannot write {args.root / MANIFEST_NAME}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    rejected = result.corpus.rejected
    if not args.quiet:
        print("\n".join(summary(result, str(args.docs), args.verbose)))
        for r in rejected:
            print(f"  rejected {r['source']}: {r['reason']} ({r['action']})", file=sys.stderr)
    return EXIT_REJECTED if rejected else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
