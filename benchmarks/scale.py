"""Lint time as inputs grow: a whole application of about 1,000 pages, and 300 claims with multiple dependencies.

python benchmarks/scale.py [--pages N] [--claims N]

Inputs are built from the corpus (descriptions repeated with their numerals shifted, so no two pages are the
same). Each figure is CPU time (``time.process_time``, so other work on the machine does not count), printed
with the time of a small input of the same kind measured in the same run: the ratio of the two, divided by the
ratio of their sizes, is 1 for linear growth.
"""

from __future__ import annotations

import argparse
import re
import time

from _timing import CORPUS

from claimcheck.lint.config import Config
from claimcheck.lint.engine import lint_text

PAGE = 1_000  # characters of a printed CNIPA page, roughly
CLAIMS = (CORPUS / "cn" / "CN101223695A.txt").read_text(encoding="utf-8")


def description(pages: int) -> str:
    """A description of about ``pages`` pages: the corpus descriptions' bodies, numerals shifted on each pass."""
    bodies = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "cn").glob("*.desc.txt"))]
    paragraphs = [line for b in bodies for line in b.splitlines()[1:] if len(line) > 40 and "：" not in line[:6]]
    out: list[str] = []
    size = 0
    shift = 0
    while size < pages * PAGE:
        for p in paragraphs:
            text = re.sub(r"[0-9]+", lambda m, k=shift: str(int(m.group(0)) + k), p)
            out.append(text)
            size += len(text)
            if size >= pages * PAGE:
                break
        shift += 100
    return "\n".join(["一种纸张供给装置", "技术领域", "本发明涉及一种纸张供给装置。", "具体实施方式", *out])


def application(pages: int) -> str:
    """A whole application: the corpus claims, a description of ``pages`` pages and an abstract."""
    return f"权利要求书\n{CLAIMS}\n说明书\n{description(pages)}\n说明书摘要\n一种纸张供给装置。\n"


def multiple(n: int) -> str:
    """``n`` claims, each but the first referring to every preceding claim, each adding a feature."""
    lines = ["1. 一种夹具，包括底座、设置在所述底座上的导轨以及沿所述导轨滑动的滑块。"]
    parts = ("定位销", "压紧螺钉", "弹簧", "挡板", "手柄", "垫片", "卡爪", "丝杠")
    for i in range(2, n + 1):
        part = parts[i % len(parts)]
        lines.append(
            f"{i}. 如前述权利要求中任一项所述的夹具，其特征在于，所述滑块上设有第{i}{part}，所述第{i}{part}与所述底座相连。"
        )
    return "\n".join(lines)


def cpu(text: str) -> float:
    """CPU seconds to lint ``text`` with every rule."""
    t0 = time.process_time()
    lint_text(text, Config(select=["ALL"]))
    return time.process_time() - t0


def report(name: str, big: str, small: str, target: float) -> None:
    """Print the time of ``big``, against ``small`` and the target."""
    t_small, t_big = cpu(small), cpu(big)
    growth = (t_big / t_small) / (len(big) / len(small))
    verdict = "met" if t_big < target else "NOT met"
    print(
        f"{name}: {len(big) / 1000:,.0f} k chars {t_big:.2f} s CPU (target {target:.0f} s: {verdict}); "
        f"{len(small) / 1000:,.0f} k chars {t_small:.3f} s; growth against linear {growth:.2f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--claims", type=int, default=300)
    args = ap.parse_args()
    report(f"application of {args.pages} pages", application(args.pages), application(max(1, args.pages // 20)), 10)
    report(f"{args.claims} claims, each on every preceding one", multiple(args.claims), multiple(args.claims // 10), 2)


if __name__ == "__main__":
    main()
