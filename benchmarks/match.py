"""Prior-art matching: keyed paraphrases, English versions and related devices; own descriptions; speed.

1. The keyed test set (tests/match_docs/key.toml): for three corpus patents, the invention described in other
   words (para), an English version (en), a related device disclosing part of the features (half), a German
   document with a translation beside it (de), a Japanese one without (ja), and unrelated documents (the other
   corpus descriptions, English claim sets).  Printed per kind: recall of the keyed features (found = disclosed
   or partly, and disclosed), false "disclosed" rate on features the document does not disclose, silent
   "not disclosed" verdicts for documents that could not be compared (must be 0).  The floor is the same run
   with the thesaurus, the dictionary and the part-name alignment switched off (words only).
2. Every Chinese claim set of tests/corpus/cn against its own description (the features should be found) and
   against the other, unrelated descriptions (they should not).

    python benchmarks/match.py [--quick]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections import Counter

from _timing import CORPUS, ROOT

from claimcheck.match import build_chart, read_document
from claimcheck.match.documents import Document, _passages
from claimcheck.parse import parse_source
from claimcheck.readers import read_path


def keyed() -> None:
    sys.path.insert(0, str(ROOT / "tests" / "match_docs"))
    from keyed import Tally, evaluate, publications

    from claimcheck.match.vocab import default_vocabulary

    words_only = dataclasses.replace(
        default_vocabulary(), synonyms={}, head_groups={}, narrower={}, broader={}, zh_en={}, en_zh={}
    )

    def ratio(a: int, b: int) -> str:
        return f"{a / b:.2f}" if b else "  - "

    for title, pubs in (
        ("keyed test set (the documents the vocabulary was tuned on)", publications(holdout=False)),
        ("hold-out (written after the vocabulary was last changed)", publications(holdout=True)),
    ):
        t0 = time.perf_counter()
        now: dict[str, Tally] = evaluate(pubs)
        dt = time.perf_counter() - t0
        floor = evaluate(pubs, vocab=words_only)
        print(f"{title}: {', '.join(pubs)} ({dt:.1f} s); now (floor: words only)")
        print(
            f"  {'kind':<13} {'found':>13} {'disclosed':>13} {'false disclosed':>17} {'silent':>7} {'not compared':>13}"
        )
        for kind, t in now.items():
            f = floor[kind]
            print(
                f"  {kind:<13} {ratio(t.found, t.keyed):>5} ({ratio(f.found, f.keyed)}) "
                f"{ratio(t.disclosed, t.keyed):>5} ({ratio(f.disclosed, f.keyed)}) "
                f"{ratio(t.false_disclosed, t.other):>8} ({ratio(f.false_disclosed, f.other)}) "
                f"{t.silent:>7} {t.not_compared:>13}"
            )
    print("  goals: found ≥ 0.8 para, ≥ 0.6 en; false disclosed ≤ 0.1 unrelated; silent 0")


def rates() -> None:
    pubs = sorted(p.name[: -len(".desc.txt")] for p in (CORPUS / "cn").glob("*.desc.txt"))
    own: Counter[str] = Counter()
    other: Counter[str] = Counter()
    own_scores: list[float] = []
    other_scores: list[float] = []
    for pub in pubs:
        cs = parse_source(read_path(CORPUS / "cn" / f"{pub}.txt"))
        docs = [read_document(CORPUS / "cn" / f"{q}.desc.txt", q) for q in pubs]
        chart = build_chart(cs, docs)
        for f in chart.features:
            if f.kind == "subject":
                continue
            for d in docs:
                m = chart.match(f, d.label)
                if d.label == pub:
                    own[m.verdict] += 1
                    own_scores.append(m.score)
                else:
                    other[m.verdict] += 1
                    other_scores.append(m.score)
    n_own, n_other = sum(own.values()), sum(other.values())
    print(f"{len(pubs)} patents; features against their own description ({n_own}):")
    print("  " + ", ".join(f"{k} {v} ({v / n_own:.1%})" for k, v in sorted(own.items())))
    print(f"features against unrelated descriptions ({n_other}):")
    print("  " + ", ".join(f"{k} {v} ({v / n_other:.1%})" for k, v in sorted(other.items())))
    own_scores.sort()
    other_scores.sort()
    for q in (0.05, 0.1, 0.25, 0.5):
        print(
            f"  own-score quantile {q:.2f}: {own_scores[int(q * len(own_scores))]:.3f}   "
            f"unrelated quantile {1 - q:.2f}: {other_scores[int((1 - q) * len(other_scores)) - 1]:.3f}"
        )


def speed(n_docs: int) -> None:
    cs = parse_source(read_path(CORPUS / "cn" / "CN101223695A.txt"))  # 21 claims
    base = (CORPUS / "cn" / "CN101223695A.desc.txt").read_text(encoding="utf-8")
    filler = "\n".join(
        (CORPUS / "cn" / f).read_text(encoding="utf-8") for f in ("CN86105254A.desc.txt", "CN117439507A.desc.txt")
    )
    text = (base + "\n" + filler)[:30000]
    docs = [Document(f"D{i + 1}", f"doc{i + 1}", text, _passages(text), "zh") for i in range(n_docs)]
    t0 = time.perf_counter()
    chart = build_chart(cs, docs)
    dt = time.perf_counter() - t0
    print(
        f"{len(cs)} claims ({len(chart.features)} features) against {n_docs} documents of {len(text):,} characters: {dt:.1f} s"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="skip the 200-document run")
    args = ap.parse_args()
    keyed()
    rates()
    speed(5)
    if not args.quick:
        speed(200)


if __name__ == "__main__":
    main()
