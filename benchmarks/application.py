"""Whole-application checks: speed on a 50-page application, term support and seeded-defect recall over the corpus.

python benchmarks/application.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from _timing import ROOT, cold_seconds

sys.path.insert(0, str(ROOT / "tests"))

from seeding_application import application_text, applications, caught, seeded_cases

from claimcheck.analysis.support import term_support
from claimcheck.application import load_application
from claimcheck.lint.config import Config
from claimcheck.lint.engine import lint_paths


def main() -> None:
    # a 50-page application: the longest description of the corpus, repeated to about 50,000 characters
    base = application_text("CN101223695A")
    head, rest = base.split("\n说明书\n", 1)
    desc, abstract = rest.split("\n说明书摘要\n", 1)
    title, body = desc.split("\n", 1)
    text = f"{head}\n说明书\n{title}\n{body * 3}\n说明书摘要\n{abstract}"
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "app.txt"
        p.write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        results = lint_paths([p], config_for=lambda _: Config())
        dt = time.perf_counter() - t0
        cold = cold_seconds(["-m", "claimcheck", "lint", str(p)], runs=3)
    print(f"whole application of {len(text):,} characters ({len(text) // 1000} pages of ~1,000):")
    print(
        f"  lint in-process {dt * 1000:.0f} ms, cold 'claimcheck lint' {cold * 1000:.0f} ms, {len(results[0].diagnostics)} findings"
    )
    terms = supported = background = 0
    for pub in applications():
        claims = ROOT / "tests" / "corpus" / "cn" / f"{pub}.txt"
        desc = ROOT / "tests" / "corpus" / "cn" / f"{pub}.desc.txt"
        app = load_application(claims, description=desc)
        assert app.description is not None
        rows = term_support(app.claims, app.description)
        terms += len(rows)
        supported += sum(1 for _, body, _ in rows if body)
        background += sum(1 for _, body, bg in rows if not body and bg)
        for t, body, bg in rows:
            if not body:
                print(f"  unsupported in {pub}: claim {t.claim} '{t.text}'" + (" (background only)" if bg else ""))
    print(
        f"claim terms over {len(applications())} applications: {terms}; found in the description: {supported} "
        f"({supported / terms:.1%}); background only: {background}"
    )
    recall: dict[str, list[bool]] = defaultdict(list)
    for _pub, name, seed in seeded_cases():
        recall[name].append(caught(seed))
    for name, oks in sorted(recall.items()):
        print(f"seeded {name:<20} {len(oks):>3} cases, caught {sum(oks):>3} ({sum(oks) / len(oks):.0%})")


if __name__ == "__main__":
    main()
