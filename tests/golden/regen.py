"""Regenerate the golden cleaned output of every seed: ``python tests/golden/regen.py``.

Writes ``tests/golden/<seed>.md`` (the cleaned text as the page renders it) and
``tests/golden/<seed>.json`` (removed, moved, warnings, counters, letter parts). Review
the diff before committing: a golden file changes only when cleaning changes on purpose.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "clean")]

from cleankit import body_markdown, clean_text  # noqa: E402


def golden(seed: Path) -> tuple[str, str]:
    """(Markdown, JSON) for one seed."""
    doc = clean_text(seed.read_bytes(), seed.name)
    report = {
        "removed": [r.as_json() for r in doc.removed],
        "moved": [m.as_json() for m in doc.moved],
        "warnings": doc.warnings,
        "stats": dict(sorted(doc.stats.items())),
        # What cleaning hands on besides the blocks (under the key the golden files have always used).
        "extra": {name: value for name, value in (("front_matter", doc.front_matter), ("masthead", doc.masthead),
                                                  ("letter", doc.letter)) if value},
    }
    return body_markdown(doc), json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        md, js = golden(seed)
        (HERE / f"{seed.stem}.md").write_text(md, encoding="utf-8")
        (HERE / f"{seed.stem}.json").write_text(js, encoding="utf-8")
        print(f"wrote tests/golden/{seed.stem}.md and .json")


if __name__ == "__main__":
    main()
