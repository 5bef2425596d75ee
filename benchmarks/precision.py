"""Precision of ``claimcheck lint --select ALL`` on real published text, against hand verdicts.

python benchmarks/precision.py [--table FILE] [--write-missing FILE] [--quiet]

Every claim set of ``tests/corpus/{cn,en,xml}`` and ``benchmarks/holdout`` is linted with all rules, claims
alone and (where a ``<PUB>.desc.txt`` lies beside it) with the description. Warnings and errors are kept (not
info) and joined with ``benchmarks/adjudicated.tsv`` on (corpus, file, claim, code, text), where text is the
source slice the finding points at. Verdicts: T = a true defect an examiner would accept, A = arguable,
F = false. Precision = T / (T + A + F), counted over the findings that have a verdict.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "benchmarks" / "adjudicated.tsv"
COLUMNS = ("corpus", "file", "claim", "code", "severity", "text", "verdict", "reason")
VERDICTS = ("T", "A", "F")
TEXT_LIMIT = 60
SETS: tuple[tuple[str, Path], ...] = (
    ("cn", ROOT / "tests" / "corpus" / "cn"),
    ("en", ROOT / "tests" / "corpus" / "en"),
    ("xml", ROOT / "tests" / "corpus" / "xml"),
    ("holdout", ROOT / "benchmarks" / "holdout"),
)

Key = tuple[str, str, str, str, str]


@dataclass(frozen=True, slots=True)
class Finding:
    """One warning or error on a real claim set, identified by its key."""

    corpus: str
    file: str
    claim: str
    code: str
    severity: str
    text: str
    message: str

    @property
    def key(self) -> Key:
        """(corpus, file, claim, code, text): stable across line moves and message rewording."""
        return (self.corpus, self.file, self.claim, self.code, self.text)


@dataclass(frozen=True, slots=True)
class Verdict:
    """One row of the adjudication table."""

    key: Key
    severity: str
    verdict: str
    reason: str


def flat_text(text: str) -> str:
    """The flagged text as one TSV-safe line, cut to ``TEXT_LIMIT`` characters."""
    one = " ".join(text.split())
    return one if len(one) <= TEXT_LIMIT else one[: TEXT_LIMIT - 1] + "…"


def claim_files(folder: Path) -> list[Path]:
    """The claim sets of one folder (descriptions excluded)."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".xml") and not p.name.endswith(".desc.txt"))


def lint_set(corpus: str, path: Path) -> Counter[Finding]:
    """Warnings and errors on one claim set, claims alone and with the description; each finding counted
    as often as it occurs in the run that reports it most often."""
    from claimcheck.lint.config import Config
    from claimcheck.lint.engine import lint_paths
    from claimcheck.model.diagnostic import Severity

    desc = path.with_name(path.stem + ".desc.txt")
    runs: list[Path | None] = [None, desc] if desc.is_file() else [None]
    found: Counter[Finding] = Counter()
    for description in runs:
        results = lint_paths([path], config_for=lambda _p: Config(select=["ALL"]), description_path=description)
        run: Counter[Finding] = Counter()
        for result in results:
            if result.error is not None:
                raise SystemExit(f"{path}: {result.error}")
            assert result.claimset is not None
            claims_text = result.claimset.source.text
            for d in result.diagnostics:
                if d.severity < Severity.WARNING:
                    continue
                text = (d.where.text if d.where is not None else claims_text)[d.span.start : d.span.end]
                claim = "-" if d.claim is None else str(d.claim)
                msg = " ".join(d.message_zh.split())
                run[Finding(corpus, path.name, claim, d.code, d.severity.label, flat_text(text), msg)] += 1
        found |= run
    return found


def current_findings(sets: tuple[tuple[str, Path], ...] = SETS) -> Counter[Finding]:
    """Every warning and error on every real claim set."""
    found: Counter[Finding] = Counter()
    for corpus, folder in sets:
        if not folder.is_dir():
            continue
        for path in claim_files(folder):
            found.update(lint_set(corpus, path))
    return found


def read_table(path: Path) -> list[Verdict]:
    """The adjudication rows (raises ValueError on a malformed row)."""
    rows: list[Verdict] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != COLUMNS:
        raise ValueError(f"{path}: header must be {' '.join(COLUMNS)}")
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        row = line.split("\t")
        if len(row) != len(COLUMNS):
            raise ValueError(f"{path}:{n}: {len(row)} columns, expected {len(COLUMNS)}")
        corpus, file, claim, code, severity, text, verdict, reason = row
        rows.append(Verdict((corpus, file, claim, code, text), severity, verdict.strip(), reason))
    return rows


def precision(counts: Counter[str]) -> str:
    """T / (T + A + F) as text, with the counts."""
    judged = counts["T"] + counts["A"] + counts["F"]
    if not judged:
        return "n/a (nothing judged)"
    return f"{counts['T'] / judged:.3f}  (T {counts['T']}, A {counts['A']}, F {counts['F']})"


def group(corpus: str) -> str:
    """'holdout' for the unseen set, 'corpus' for the shared one."""
    return "holdout" if corpus == "holdout" else "corpus"


def report(found: Counter[Finding], rows: list[Verdict], quiet: bool = False) -> list[Finding]:
    """Print the figures; return the findings that have no verdict yet."""
    verdicts = {r.key: r for r in rows if r.verdict in VERDICTS}
    overall: Counter[str] = Counter()
    by_group: dict[str, Counter[str]] = {"corpus": Counter(), "holdout": Counter()}
    by_rule: dict[str, Counter[str]] = {}
    missing: list[Finding] = []
    for f, n in sorted(found.items(), key=lambda kv: kv[0].key):
        v = verdicts.get(f.key)
        if v is None:
            missing.append(f)
            continue
        overall[v.verdict] += n
        by_group[group(f.corpus)][v.verdict] += n
        by_rule.setdefault(f.code, Counter())[v.verdict] += n
    keys = {f.key for f in found}
    stale = [r for r in rows if r.key not in keys]
    print(
        f"findings (warning + error): {sum(found.values())}; judged: {sum(overall.values())}; unjudged: {len(missing)}"
    )
    print(f"precision overall: {precision(overall)}")
    for name, counts in by_group.items():
        print(f"precision {name:<8}: {precision(counts)}")
    print(f"arguable: {overall['A']}")
    print("per rule:")
    for code in sorted(by_rule):
        print(f"  {code}: {precision(by_rule[code])}")
    if stale:
        print(f"stale rows (no longer raised): {len(stale)}")
        if not quiet:
            for r in stale:
                print("  stale  " + "  ".join(r.key) + f"  [{r.verdict}] {r.reason}")
    if missing:
        print(f"findings without a verdict: {len(missing)}")
        if not quiet:
            for f in missing:
                print(f"  {f.corpus}/{f.file} claim {f.claim} {f.code} {f.severity} «{f.text}»: {f.message}")
    return missing


def write_missing(path: Path, missing: list[Finding]) -> None:
    """Append the unjudged findings as rows with an empty verdict (the message stands in for the reason)."""
    new = not path.exists() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8") as fh:
        if new:
            fh.write("\t".join(COLUMNS) + "\n")
        for f in missing:
            fh.write("\t".join([*f.key[:4], f.severity, f.text, "", " ".join(f.message.split())]) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 0."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--table", type=Path, default=TABLE, help="the adjudication table (TSV)")
    ap.add_argument("--write-missing", type=Path, help="append the findings without a verdict to this TSV file")
    ap.add_argument("--quiet", action="store_true", help="figures only, no lists")
    args = ap.parse_args(argv)
    rows = read_table(args.table) if args.table.exists() else []
    rows += read_table(TABLE.with_name("adjudicated_en.tsv")) if args.table == TABLE else []  # English rules
    missing = report(current_findings(), rows, quiet=args.quiet)
    if args.write_missing is not None and missing:
        write_missing(args.write_missing, missing)
        print(f"appended {len(missing)} row(s) to {args.write_missing}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
