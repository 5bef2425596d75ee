"""The pre-filing review on keyed disclosures: ranking, verdicts, planted risks, filing plans, quotes.

python benchmarks/panel.py [--verbose]

Reads tests/disclosures/key.toml (nine disclosures of three fields, an excellent, a mediocre and a poor one each,
ranked by hand, and disclosures with planted risks, each with the sentence that must be quoted) and prints:

* ranking: per field, whether excellent > mediocre > poor; over all fields, the share of pairs of different quality
  in the right order; against a floor measured in the same run (ranking by length of the text);
* verdicts that match the key;
* risks: each planted risk flagged with its kind and its sentence (recall per kind), and risks flagged where none
  was planted (precision);
* filing plans whose patent types match the key;
* quotes: every quote of the assessment (criteria evidence, risk sentences, key points, plan seeds) that starts
  and ends on a word boundary of its line (rjieba segmentation);
* time per disclosure against reading the file (floor).
"""

from __future__ import annotations

import sys
import time
import tomllib
from collections import defaultdict
from itertools import combinations

from _timing import ROOT

from claimcheck.disclose import ScoreReport, read_disclosure, score_disclosure
from claimcheck.disclose.criteria import Evidence
from claimcheck.disclose.quotes import is_whole_words

FOLDER = ROOT / "tests" / "disclosures"
TIER = {"excellent": 0, "mediocre": 1, "poor": 2}


def same_sentence(quote: str, sentence: str) -> bool:
    """The flagged quote is the planted sentence (one holds the other, and they share most of their text)."""
    if sentence in quote or quote in sentence:
        return min(len(quote), len(sentence)) >= 0.6 * max(len(quote), len(sentence))
    return False


def quotes_of(r: ScoreReport) -> list[Evidence]:
    """Every quote of an assessment that points into the disclosure."""
    out = [e for c in r.criteria for e in c.result.evidence if e.line]
    out += [x.evidence for x in r.risks] + [x.context for x in r.risks if x.context is not None]
    if r.prior_art is not None:
        out += r.prior_art.points
    if r.filing_plan is not None:
        out += [c.seed for c in r.filing_plan.categories if c.seed is not None]
    return out


def main() -> None:
    verbose = "--verbose" in sys.argv
    key = tomllib.loads((FOLDER / "key.toml").read_text(encoding="utf-8"))["disclosure"]
    reports: dict[str, ScoreReport] = {}
    texts: dict[str, str] = {}
    t_read = t_assess = 0.0
    for k in key:
        path = FOLDER / k["file"]
        t0 = time.perf_counter()
        src = read_disclosure(path)
        t1 = time.perf_counter()
        reports[k["file"]] = score_disclosure(src)
        t_assess += time.perf_counter() - t1
        t_read += t1 - t0
        texts[k["file"]] = src.text

    # ranking
    ranked = [k for k in key if k["quality"] in TIER]
    by_field: dict[str, list[dict[str, object]]] = defaultdict(list)
    for k in ranked:
        by_field[str(k["field"])].append(k)
    print("ranking (excellent > mediocre > poor):")
    fields_ok = 0
    for field, ks in sorted(by_field.items()):
        order = sorted(ks, key=lambda k: -reports[str(k["file"])].score)
        ok = [k["rank"] for k in order] == sorted(k["rank"] for k in ks)  # type: ignore[type-var]
        fields_ok += ok
        scores = ", ".join(f"{k['quality']} {reports[str(k['file'])].score:.0f}" for k in order)
        print(f"  {field:<5} {'matches' if ok else 'DIFFERS'}: {scores}")

    def concordance(score: dict[str, float]) -> float:
        pairs = [(a, b) for a, b in combinations(ranked, 2) if a["quality"] != b["quality"]]
        good = sum((TIER[a["quality"]] < TIER[b["quality"]]) == (score[a["file"]] > score[b["file"]]) for a, b in pairs)
        return good / len(pairs)

    ours = concordance({f: r.score for f, r in reports.items()})
    floor = concordance({f: float(len(t)) for f, t in texts.items()})
    print(f"  fields in the key's order: {fields_ok}/{len(by_field)}")
    print(f"  pairs of different quality in order, all fields: {ours:.3f} (floor, ranking by length: {floor:.3f})")

    verdicts = [(k["file"], k["verdict"], reports[k["file"]].verdict) for k in key if "verdict" in k]
    right = sum(a == b for _, a, b in verdicts)
    print(f"verdicts as keyed: {right}/{len(verdicts)}")
    for f, a, b in verdicts:
        if a != b:
            print(f"  {f}: key {a}, assessed {b} ({reports[f].score:.1f})")

    # risks
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    false_flags: list[str] = []
    flagged = 0
    for k in key:
        r = reports[k["file"]]
        planted = k.get("risks", [])
        flagged += len(r.risks)
        for p in planted:
            hit = any(x.kind == p["kind"] and same_sentence(x.evidence.quote, p["sentence"]) for x in r.risks)
            per_kind[p["kind"]][0] += hit
            per_kind[p["kind"]][1] += 1
            if not hit or verbose:
                got = "; ".join(f"{x.kind}: {x.evidence.quote}" for x in r.risks) or "nothing"
                print(f"  {'flagged' if hit else 'MISSED'} {k['file']} {p['kind']}: {got}")
        for x in r.risks:
            if not any(x.kind == p["kind"] and same_sentence(x.evidence.quote, p["sentence"]) for p in planted):
                false_flags.append(f"{k['file']} {x.kind}: {x.evidence.quote}")
    found = sum(v[0] for v in per_kind.values())
    total = sum(v[1] for v in per_kind.values())
    print(f"planted risks flagged with their sentence: {found}/{total}")
    for kind, (h, n) in sorted(per_kind.items()):
        print(f"  {kind:<24} recall {h}/{n}")
    precision = (flagged - len(false_flags)) / flagged if flagged else 1.0
    print(f"risk flags that were planted (precision): {flagged - len(false_flags)}/{flagged} = {precision:.3f}")
    for f in false_flags:
        print(f"  FALSE {f}")

    plans = [(k["file"], k["plan"]) for k in key if "plan" in k]
    plan_ok = 0
    for f, want in plans:
        plan = reports[f].filing_plan
        ok = plan is not None and plan.types == want
        plan_ok += ok
        if not ok:
            print(f"  plan {f}: key {want}, proposed {plan.types if plan else None}")
    print(f"filing plans with the keyed patent types: {plan_ok}/{len(plans)}")

    # quotes
    n_quotes = cut = 0
    for f, r in reports.items():
        lines = texts[f].split("\n")
        for e in quotes_of(r):
            n_quotes += 1
            if not is_whole_words(lines[e.line - 1], e.quote):
                cut += 1
                print(f"  CUT {f}:{e.line}: {e.quote}")
    print(f"quotes cut inside a word: {cut}/{n_quotes}")
    n = len(key)
    print(
        f"time: {1000 * t_assess / n:.0f} ms per disclosure; reading the file {1000 * t_read / n:.1f} ms "
        f"(assessment {t_assess / max(t_read, 1e-9):.0f}x the floor)"
    )


if __name__ == "__main__":
    main()
