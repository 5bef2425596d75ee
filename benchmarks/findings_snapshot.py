"""Every finding on the corpus as a JSON snapshot, and the differences between two snapshots.

python benchmarks/findings_snapshot.py --write before.json      # at the start of a change
python benchmarks/findings_snapshot.py --compare before.json    # after it: what changed, rule by rule

Every claim set of ``tests/corpus/{cn,en,xml}``, ``benchmarks/holdout`` and ``sample_claims`` is linted with all
rules (info included), claims alone and, where ``<PUB>.desc.txt`` lies beside the claims, with the description.
A finding is recorded as (file, run, code, claim, start, end, severity, message). Rules changed by others between
the two snapshots show up as differences too: ``--rules`` limits the comparison to some rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (
    ROOT / "tests" / "corpus" / "cn",
    ROOT / "tests" / "corpus" / "en",
    ROOT / "tests" / "corpus" / "xml",
    ROOT / "benchmarks" / "holdout",
    ROOT / "sample_claims",
)

Row = tuple[str, str, str, str, int, int, str, str]


def claim_files() -> list[Path]:
    """The claim sets of every folder (descriptions excluded)."""
    out: list[Path] = []
    for folder in FOLDERS:
        if folder.is_dir():
            out.extend(
                sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".xml") and not p.name.endswith(".desc.txt"))
            )
    return out


def snapshot() -> list[Row]:
    """Every finding on every claim set, sorted."""
    from claimcheck.lint.config import Config
    from claimcheck.lint.engine import lint_paths

    rows: list[Row] = []
    for path in claim_files():
        desc = path.with_name(path.stem + ".desc.txt")
        for description in [None, desc] if desc.is_file() else [None]:
            run = "claims" if description is None else "application"
            for result in lint_paths(
                [path], config_for=lambda _p: Config(select=["ALL"]), description_path=description
            ):
                name = str(path.relative_to(ROOT))
                if result.error is not None:
                    rows.append((name, run, "ERROR", "-", 0, 0, "", result.error))
                for d in result.diagnostics:
                    claim = "-" if d.claim is None else str(d.claim)
                    rows.append((name, run, d.code, claim, d.span.start, d.span.end, d.severity.label, d.message_en))
    return sorted(rows)


def main(argv: list[str] | None = None) -> int:
    """Write or compare a snapshot; exit 1 when the comparison finds differences."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", type=Path, help="write the snapshot to this JSON file")
    ap.add_argument("--compare", type=Path, help="compare with this JSON snapshot")
    ap.add_argument("--rules", help="comma-separated codes: compare only these")
    args = ap.parse_args(argv)
    rows = snapshot()
    print(f"{len(rows)} findings on {len(claim_files())} claim sets")
    if args.write:
        args.write.write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"wrote {args.write}")
    if args.compare:
        old = [tuple(r) for r in json.loads(args.compare.read_text(encoding="utf-8"))]
        keep = set(args.rules.split(",")) if args.rules else None
        before = Counter(r for r in old if keep is None or r[2] in keep)
        after = Counter(r for r in rows if keep is None or r[2] in keep)
        gone, new = before - after, after - before
        by_code = Counter(r[2] for r in gone.elements()) + Counter(r[2] for r in new.elements())
        print(f"compared with {args.compare}: {sum(gone.values())} gone, {sum(new.values())} new")
        for code, n in sorted(by_code.items()):
            print(f"  {code}: {n} difference(s)")
        for r in sorted(gone.elements()):
            print("  - " + "  ".join(map(str, r)))
        for r in sorted(new.elements()):
            print("  + " + "  ".join(map(str, r)))
        return 1 if gone or new else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
