"""Precision of the English claim rules on the real English claim sets, against hand verdicts.

python benchmarks/precision_en.py [--write-missing] [--quiet]

Every claim set of ``tests/corpus/en`` and ``tests/corpus/xml`` (English claims) is linted with the English rules
(those whose ``languages`` is ``("en",)``) twice: under the profile of its office (``us`` for US documents, ``ep``
for EP documents) and under the default profile (PCT practice for English claims). Warnings and errors are
joined with ``benchmarks/adjudicated_en.tsv`` on (corpus, file, claim, code, text), the columns and verdicts of
``benchmarks/adjudicated.tsv`` (T true, A arguable, F false; see ``benchmarks/README.md``). A finding raised in
both runs counts once. Precision = T / (T + A + F).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from precision import COLUMNS, Finding, flat_text, precision, read_table

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "benchmarks" / "adjudicated_en.tsv"
SETS = (("en", ROOT / "tests" / "corpus" / "en"), ("xml", ROOT / "tests" / "corpus" / "xml"))


def english_codes() -> list[str]:
    """The codes of the rules that run on English claim sets only."""
    from claimcheck.rules import ALL_RULES

    return [r.code for r in ALL_RULES if r.languages == ("en",)]


def office(path: Path) -> str:
    """The profile of the document's office: ``us`` or ``ep``."""
    return "us" if path.name.upper().startswith("US") else "ep"


def findings(sets: tuple[tuple[str, Path], ...] = SETS) -> Counter[Finding]:
    """Warnings and errors of the English rules, under the office's profile and the default one."""
    from claimcheck.lint.config import build_config
    from claimcheck.lint.engine import lint_paths
    from claimcheck.model.diagnostic import Severity

    codes = english_codes()
    found: Counter[Finding] = Counter()
    for corpus, folder in sets:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".xml")):
            runs: list[str | None] = [office(path), None]
            for profile in runs:
                cfg = build_config({"select": codes}, None, profile)
                run: Counter[Finding] = Counter()
                for result in lint_paths([path], config_for=lambda _p, c=cfg: c, lang="en"):
                    if result.error is not None or result.claimset is None:
                        continue
                    text = result.claimset.source.text
                    for d in result.diagnostics:
                        if d.severity < Severity.WARNING:
                            continue
                        claim = "-" if d.claim is None else str(d.claim)
                        flagged = flat_text(text[d.span.start : d.span.end])
                        run[Finding(corpus, path.name, claim, d.code, d.severity.label, flagged, d.message_en)] += 1
                for f, n in run.items():
                    same = [g for g in found if g.key == f.key]
                    if not same:
                        found[f] = n
    return found


def main(argv: list[str] | None = None) -> int:
    """Print the figures; exit 0."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write-missing", action="store_true", help="append unjudged findings to the table")
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args(argv)
    rows = read_table(TABLE) if TABLE.exists() else []
    verdicts = {r.key: r.verdict for r in rows}
    found = findings()
    overall: Counter[str] = Counter()
    by_rule: dict[str, Counter[str]] = {}
    missing = [f for f in found if f.key not in verdicts]
    for f, n in found.items():
        v = verdicts.get(f.key)
        if v in ("T", "A", "F"):
            overall[v] += n
            by_rule.setdefault(f.code, Counter())[v] += n
    print(f"English rules, warnings and errors: {sum(found.values())}; unjudged: {len(missing)}")
    print(f"precision overall: {precision(overall)}")
    for code in sorted(by_rule):
        print(f"  {code}: {precision(by_rule[code])}")
    stale = [r for r in rows if r.key not in {f.key for f in found}]
    if stale:
        print(f"stale rows (no longer raised): {len(stale)}")
    if not args.quiet:
        for f in missing:
            print(f"  unjudged {f.corpus}/{f.file} claim {f.claim} {f.code} «{f.text}»: {f.message}")
    if args.write_missing and missing:
        new = not TABLE.exists()
        with TABLE.open("a", encoding="utf-8") as fh:
            if new:
                fh.write("\t".join(COLUMNS) + "\n")
            for f in missing:
                fh.write("\t".join([*f.key[:4], f.severity, f.text, "", f.message]) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
