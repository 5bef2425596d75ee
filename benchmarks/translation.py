"""Recall of the translation check per defect type, and its findings on faithful translations.

python benchmarks/translation.py [--quiet]

``tests/translations`` holds English claim sets from the corpus (``<PUB>.en.txt``), their faithful Chinese
translations (``<PUB>.zh.txt``), the firm glossary used with them (``glossary.tsv``) and ``defects.toml``: defects
planted one per copy (a keyed replacement in the translated text, with the defect's type and claim).
``tests/translations/zh-en`` holds the other direction: Chinese claim sets from the corpus (``<PUB>.zh.txt``) and
their faithful English translations (``<PUB>.en.txt``); their defects (``direction = "zh-en"``) are planted in the
English text. For each defect the copy is compared with its original; the defect counts as found when a finding of
its type names its claim (any claim for a missing claim). Recall is printed per type, then per direction and group
(``essentially``: consisting essentially of / 基本上由……组成 against comprising and consisting of). Precision side:
the number of findings (by kind) on the faithful translations, which should be none. Goal: recall at least 0.9 per
type, no finding on the faithful translations.
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "translations"
GOAL = 0.9


@dataclass(frozen=True, slots=True)
class Defect:
    """One planted defect."""

    pair: str
    type: str
    claim: int
    old: str | list[str]
    new: str | list[str]
    direction: str = "en-zh"
    group: str = ""
    part: str = "claims"

    @property
    def label(self) -> str:
        """The row of the recall table: type, then direction and group where they are not the usual ones."""
        return " ".join(x for x in (self.type, "zh-en" if self.direction == "zh-en" else "", self.group) if x)


def defects(folder: Path = DATA) -> list[Defect]:
    """The planted defects of ``defects.toml``."""
    data = tomllib.loads((folder / "defects.toml").read_text(encoding="utf-8"))
    return [
        Defect(
            d["pair"],
            d["type"],
            int(d["claim"]),
            d["old"],
            d["new"],
            d.get("direction", "en-zh"),
            d.get("group", ""),
            d.get("part", "claims"),
        )
        for d in data["defect"]
    ]


def pairs(folder: Path = DATA) -> list[str]:
    """The publication numbers with an original and a faithful translation."""
    return sorted(
        p.name.split(".")[0]
        for p in folder.glob("*.en.txt")
        if ".desc." not in p.name and (folder / p.name.replace(".en.", ".zh.")).is_file()
    )


def reverse_pairs(folder: Path = DATA) -> list[str]:
    """The publication numbers with a Chinese original and a faithful English translation (``zh-en``)."""
    return sorted(p.name.split(".")[0] for p in (folder / "zh-en").glob("*.en.txt"))


def check(pub: str, text: str, folder: Path = DATA, direction: str = "en-zh") -> list:  # type: ignore[type-arg]
    """The translation findings of a translated text against its original ``pub`` (English for ``en-zh``,
    Chinese for ``zh-en``)."""
    from claimcheck.parse import parse_text
    from claimcheck.translation import compare

    vocabulary = _vocabulary(folder)
    if direction == "zh-en":
        original = parse_text((folder / "zh-en" / f"{pub}.zh.txt").read_text(encoding="utf-8"))
    else:
        original = parse_text((folder / f"{pub}.en.txt").read_text(encoding="utf-8"))
    return compare(original, parse_text(text), vocabulary)


def check_defect(d: Defect, folder: Path = DATA) -> list:  # type: ignore[type-arg]
    """The findings on the copy with ``d`` planted (with the descriptions for a defect in the description)."""
    if d.part == "description":
        zh = (folder / f"{d.pair}.zh.txt").read_text(encoding="utf-8")
        return check(d.pair, zh, folder) + check_description(d.pair, planted(d, folder), folder)
    return check(d.pair, planted(d, folder), folder, d.direction)


def description_pairs(folder: Path = DATA) -> list[str]:
    """The publication numbers whose description is given in both languages (``<PUB>.desc.en.txt``, ``.desc.zh.txt``)."""
    return sorted(p.name.split(".")[0] for p in folder.glob("*.desc.en.txt"))


def check_description(pub: str, zh_description: str, folder: Path = DATA) -> list:  # type: ignore[type-arg]
    """The findings on the terms of the claims and a Chinese description against the English ones."""
    from claimcheck.model import SourceText
    from claimcheck.parse import parse_text
    from claimcheck.translation import compare_descriptions

    original = parse_text((folder / f"{pub}.en.txt").read_text(encoding="utf-8"))
    translation = parse_text((folder / f"{pub}.zh.txt").read_text(encoding="utf-8"))
    en = SourceText((folder / f"{pub}.desc.en.txt").read_text(encoding="utf-8"), path=f"{pub}.desc.en.txt")
    zh = SourceText(zh_description, path=f"{pub}.desc.zh.txt")
    return compare_descriptions(original, translation, en, zh, _vocabulary(folder))


@cache
def _vocabulary(folder: Path):  # type: ignore[no-untyped-def]
    """The shipped vocabulary with the test set's glossary (built once)."""
    from claimcheck.translation import Vocabulary, load_glossary

    return Vocabulary.shipped().with_glossary(load_glossary(folder / "glossary.tsv"))


def planted(d: Defect, folder: Path = DATA) -> str:
    """The faithful translation with one defect planted."""
    if d.part == "description":
        path = folder / f"{d.pair}.desc.zh.txt"
    else:
        path = folder / "zh-en" / f"{d.pair}.en.txt" if d.direction == "zh-en" else folder / f"{d.pair}.zh.txt"
    text = path.read_text(encoding="utf-8")
    olds, news = ([d.old], [d.new]) if isinstance(d.old, str) else (d.old, d.new)
    for old, new in zip(olds, news, strict=True):
        if text.count(old) != 1:
            raise ValueError(
                f"{d.pair}: the text to replace for {d.type} (claim {d.claim}) does not occur exactly once"
            )
        text = text.replace(old, new)
    return text


def found(d: Defect, findings: list) -> bool:  # type: ignore[type-arg]
    """Whether a finding of the defect's type names its claim."""
    return any(f.kind == d.type and (d.type == "count" or (f.claim or 0) == d.claim) for f in findings)


def run(folder: Path = DATA) -> tuple[dict[str, Counter[str]], Counter[str], list[str]]:
    """(planted/found counts per type, findings by kind on the faithful translations, the defects missed)."""
    per_type: dict[str, Counter[str]] = {}
    missed: list[str] = []
    for d in defects(folder):
        hit = found(d, check_defect(d, folder))
        for row in dict.fromkeys((d.type, d.label)):
            per_type.setdefault(row, Counter())["planted"] += 1
            per_type[row]["found"] += int(hit)
        if not hit:
            missed.append(f"{d.pair} claim {d.claim} {d.label}: {d.old[:30]!r} -> {d.new[:30]!r}")
    faithful: Counter[str] = Counter()
    for pub in pairs(folder):
        for f in check(pub, (folder / f"{pub}.zh.txt").read_text(encoding="utf-8"), folder):
            faithful[f.kind] += 1
    for pub in description_pairs(folder):
        for f in check_description(pub, (folder / f"{pub}.desc.zh.txt").read_text(encoding="utf-8"), folder):
            faithful[f.kind] += 1
    for pub in reverse_pairs(folder):
        for f in check(pub, (folder / "zh-en" / f"{pub}.en.txt").read_text(encoding="utf-8"), folder, "zh-en"):
            faithful[f.kind] += 1
    return per_type, faithful, missed


def main(argv: list[str] | None = None) -> int:
    """Print recall per type and the findings on faithful translations; exit 0."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args(argv)
    per_type, faithful, missed = run()
    total = Counter[str]()
    print(f"{'defect type':<30} planted found recall (goal {GOAL})")
    for kind in sorted(per_type):
        c = per_type[kind]
        if " " not in kind:
            total.update(c)
        print(f"{kind:<30} {c['planted']:>7} {c['found']:>5} {c['found'] / c['planted']:.2f}")
    print(f"{'all':<30} {total['planted']:>7} {total['found']:>5} {total['found'] / max(1, total['planted']):.2f}")
    print(
        f"faithful translations: {len(pairs())} en-zh ({len(description_pairs())} with the description), "
        f"{len(reverse_pairs())} zh-en; "
        f"findings on them: {sum(faithful.values())} {dict(faithful)}"
    )
    if missed and not args.quiet:
        print("missed:")
        for m in missed:
            print("  " + m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
