"""Recall of ``claimcheck lint --select ALL`` on drafts written the way junior agents write them.

python benchmarks/drafts_recall.py [--floor 0.9] [--quiet]

``tests/drafts`` holds claim sets across fields (mechanical, electrical, software method + system + medium,
chemistry, pharmaceutical, utility models), each with the defects planted in it keyed in ``tests/drafts/keys.toml``,
and clean modern drafts with no defect. Every draft is linted with all rules under its profile; a planted defect
is found when a finding of one of the rules expected for its type (``TYPES``) lies on its claim and covers or
touches its text. The script prints recall per defect type against the floor, every finding on the clean drafts,
and the planted defects that were missed; the exit code is 1 when a type falls below the floor or a clean draft
raises a warning or error.
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "tests" / "drafts"

# defect type -> the rule codes that report it
TYPES: dict[str, tuple[str, ...]] = {
    "two-part-form": ("F004",),
    "functional-feature": ("C005",),
    "and-or": ("C006",),
    "effect-wording": ("C006",),
    "utility-model-subject": ("U001",),
    "excluded-subject": ("U002",),
    "foreign-word": ("C007",),
    "trade-name": ("C008",),
    "category-reference": ("S003",),
    "parallel-independent": ("P003",),
    "antecedent-sibling": ("A001",),
    "antecedent-never": ("A001",),
    "antecedent-branch": ("A001",),
    "step-order": ("A001",),
    "antecedent-quantity": ("A002",),
    "cumulative-reference": ("D003",),
    "bare-range": ("D003",),
    "forward-reference": ("D002",),
    "missing-reference": ("D001",),
    "hidden-chain": ("D004",),
    "interleaved": ("D005",),
    "subject-drift": ("S001",),
    "bare-subject": ("S002",),
    "unclear-wording": ("C001",),
    "description-reference": ("C002",),
    "bare-numeral": ("C003",),
    "sign-two-names": ("W002", "C003"),
    "duplicate-claim": ("C004",),
    "numbering-gap": ("F001",),
    "full-stop": ("F002",),
    "over-stuffed": ("P001",),
    "no-method": ("P002",),
}


@dataclass(frozen=True, slots=True)
class Found:
    """One finding on a draft: claim, code, severity and the flagged text."""

    claim: int
    code: str
    severity: str
    text: str
    message: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft file, its profile and its planted defects."""

    path: Path
    profile: str
    defects: tuple[dict[str, object], ...]

    @property
    def clean(self) -> bool:
        """A clean draft has no planted defect."""
        return not self.defects


def load_keys(folder: Path = DRAFTS) -> list[Draft]:
    """The drafts listed in ``keys.toml``."""
    data = tomllib.loads((folder / "keys.toml").read_text(encoding="utf-8"))
    return [
        Draft(folder / d["file"], str(d.get("profile", "cn-invention")), tuple(d.get("defects", [])))
        for d in data["draft"]
    ]


def lint_draft(draft: Draft) -> list[Found]:
    """Every finding of every rule on one draft, under its profile."""
    from claimcheck.lint.config import build_config
    from claimcheck.lint.engine import lint_text

    text = draft.path.read_text(encoding="utf-8")
    cfg = build_config({"select": ["ALL"]}, None, draft.profile)
    out: list[Found] = []
    for d in lint_text(text, cfg):
        flagged = text[d.span.start : d.span.end].replace("\n", "")
        out.append(Found(d.claim or 0, d.code, d.severity.label, flagged, d.message_zh, d.span.start, d.span.end))
    return out


def detected(defect: dict[str, object], found: list[Found], text: str = "") -> bool:
    """Whether a finding of an expected rule on the defect's claim points at its words: the flagged text and the
    keyed words overlap in the draft (所述激光雷 for 激光雷达 counts), or one contains the other."""
    codes = TYPES[str(defect["type"])]
    want = str(defect.get("text", ""))
    places = [(i, i + len(want)) for i in _occurrences(text, want)] if want else []
    for f in found:
        if f.code not in codes or f.claim != defect["claim"]:
            continue
        if not want or not f.text or want in f.text or f.text in want:
            return True
        if any(f.start < b and a < f.end for a, b in places):
            return True
    return False


def _occurrences(text: str, word: str) -> list[int]:
    out: list[int] = []
    i = text.find(word)
    while i != -1:
        out.append(i)
        i = text.find(word, i + 1)
    return out


@dataclass
class Result:
    """Recall per type, the misses, and the warnings and errors on clean drafts."""

    hits: Counter[str]
    total: Counter[str]
    missed: list[tuple[str, dict[str, object]]]
    clean_findings: list[tuple[str, Found]]

    def recall(self, kind: str) -> float:
        """Found / planted for one type."""
        return self.hits[kind] / self.total[kind] if self.total[kind] else 1.0


def score(drafts: list[Draft]) -> Result:
    """Lint every draft and score it against its key."""
    res = Result(Counter(), Counter(), [], [])
    for draft in drafts:
        found = lint_draft(draft)
        text = draft.path.read_text(encoding="utf-8")
        if draft.clean:
            res.clean_findings.extend((draft.path.name, f) for f in found)
            continue
        for defect in draft.defects:
            kind = str(defect["type"])
            res.total[kind] += 1
            if detected(defect, found, text):
                res.hits[kind] += 1
            else:
                res.missed.append((draft.path.name, defect))
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--floor", type=float, default=0.9, help="recall every defect type must reach (0.9)")
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args(argv)
    drafts = load_keys()
    res = score(drafts)
    planted = sum(res.total.values())
    print(
        f"drafts: {sum(not d.clean for d in drafts)} defective, {sum(d.clean for d in drafts)} clean; {planted} defects"
    )
    print(f"overall recall: {sum(res.hits.values()) / planted:.3f}  ({sum(res.hits.values())}/{planted})")
    below = []
    print(f"{'type':<24} recall   found/planted  (floor {args.floor:.2f})")
    for kind in sorted(res.total):
        r = res.recall(kind)
        mark = "" if r >= args.floor else "  BELOW FLOOR"
        if r < args.floor:
            below.append(kind)
        print(f"{kind:<24} {r:.3f}    {res.hits[kind]:>2}/{res.total[kind]:<2}{mark}")
    bad_clean = [(n, f) for n, f in res.clean_findings if f.severity != "info"]
    print(f"findings on clean drafts: {len(res.clean_findings)} ({len(bad_clean)} warning or error)")
    for name, f in res.clean_findings:
        print(f"  {name} claim {f.claim} {f.code} {f.severity} «{f.text}»: {f.message}")
    if not args.quiet and res.missed:
        print("missed:")
        for name, d in res.missed:
            print(f"  {name} claim {d['claim']} {d['type']} «{d.get('text', '')}»")
    return 1 if below or bad_clean else 0


if __name__ == "__main__":
    raise SystemExit(main())
