"""Lint speed: claim sets per second for the whole rule set over the corpus, and a cold ``claimcheck lint``.

python benchmarks/lint_corpus.py [--rounds N]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from _timing import ROOT, cold_seconds, corpus_files

from claimcheck.lint.config import Config
from claimcheck.lint.engine import lint_claimset
from claimcheck.lint.select import selected_rules
from claimcheck.parse import parse_source
from claimcheck.readers import read_path
from claimcheck.rules import Context


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()
    files = corpus_files()
    sets = [parse_source(read_path(f)) for f in files]
    per_rule: Counter[str] = Counter()
    for cs in sets:
        for d in lint_claimset(cs):
            per_rule[f"{d.rule} ({d.severity.label})"] += 1
    t0 = time.process_time()  # CPU time of this process: other work on a shared machine does not count
    for _ in range(args.rounds):
        for f in files:
            lint_claimset(parse_source(read_path(f)))
    dt = time.process_time() - t0
    t0 = time.process_time()
    for _ in range(args.rounds):
        for f in files:
            parse_source(read_path(f))
    floor = time.process_time() - t0
    print(
        f"lint (read + parse + all rules, warm): {args.rounds * len(files) / dt:,.1f} claim sets per CPU second "
        f"over {len(files)} sets (target 500)"
    )
    print(
        f"  read + parse alone: {args.rounds * len(files) / floor:,.1f} per CPU second; "
        f"the rules take {(dt - floor) / dt:.0%} of a lint, {(dt - floor) / floor:.1f}x read + parse"
    )
    slowest = Counter[str]()
    for _ in range(2):
        for cs in sets:
            for rule in selected_rules(Config()):
                if rule.needs is not None or cs.language not in rule.languages:
                    continue
                t1 = time.process_time()
                list(rule.check(cs, Context()))
                slowest[rule.name] += time.process_time() - t1
    total = sum(slowest.values())
    print("share of rule time by rule (default rules, claims alone):")
    for name, t in slowest.most_common(6):
        print(f"  {name:<35} {t / total:6.1%}")
    sample = str(ROOT / "sample_claims" / "CN101223695A.txt")
    floor = cold_seconds(["-c", "import typer"])
    cold = cold_seconds(["-m", "claimcheck", "lint", sample])
    print(f"cold 'claimcheck lint {sample.split('/')[-1]}': {cold * 1000:.0f} ms (typer floor {floor * 1000:.0f} ms)")
    print("findings over the corpus by rule:")
    for key, n in sorted(per_rule.items()):
        print(f"  {key:<45} {n}")
    kinds = _kinds()
    print("findings per claim set (kind from tests/corpus/README.md: A = application, B/C/U/Y/B1/B2 = granted):")
    granted_sets = granted_with_errors = granted_errors = 0
    for f, cs in zip(files, sets, strict=True):
        ds = lint_claimset(cs)
        sev = Counter(d.severity.label for d in ds)
        kind = kinds.get(f.stem, "?")
        granted = kind not in ("A", "A1", "A2", "?") or f.stem.startswith("US4")
        if granted:
            granted_sets += 1
            granted_errors += sev["error"]
            granted_with_errors += bool(sev["error"])
        print(
            f"  {f.name:<22} {kind:<3} {len(cs):>3} claims  error {sev['error']:>2}  warning {sev['warning']:>2}  info {sev['info']:>2}"
        )
    print(
        f"granted claim sets: {granted_sets}; with an error-level finding: {granted_with_errors}; error findings: {granted_errors}"
    )


def _kinds() -> dict[str, str]:
    """Publication -> kind, from the corpus README table."""
    import re

    out: dict[str, str] = {}
    readme = (ROOT / "tests" / "corpus" / "README.md").read_text(encoding="utf-8")
    for m in re.finditer(r"^\| \S+ \| (\w+) \| [^|]* \| (\w+) \|", readme, re.M):
        out[m.group(1)] = m.group(2)
    return out


if __name__ == "__main__":
    main()
