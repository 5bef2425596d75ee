"""Seed known defects into real claim sets, for recall tests and benchmarks/seeded_recall.py.

Each seeder takes a claim-set text and yields ``(description, defective_text, rule, claim)``:
the claim set with one defect put in, the rule that must flag it and the claim it must be
flagged on (None: anywhere).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from claimcheck.analysis.terms import mentions, term_at
from claimcheck.lexicon import Lexicons
from claimcheck.model import ClaimSet, Kind
from claimcheck.parse import parse_text

Seed = tuple[str, str, str, "int | None"]
MARKERS = "所述|该|上述|前述"
REFERRING = re.compile(r"(?:所述|该|上述|前述)[的之]?(?:多个|若干个|若干|至少一个|一个|两个|各个|各|每个)?$")
REFERRING = re.compile(r"(?:所述|该|上述|前述)[的之]?(?:多个|若干个|若干|至少一个|一个|两个|各个|各|每个)?$")


def _replace_span(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def delete_introduction(text: str, cs: ClaimSet, per_file: int = 6) -> Iterator[Seed]:
    """Remove every introduction of a term that a dependent claim refers to with 所述 (keep the 所述X)."""
    done: set[str] = set()
    lex = Lexicons.default()
    for c in cs:
        if c.kind is not Kind.DEPENDENT or c.flat is None:
            continue
        for m in mentions(c, lex):
            term = term_at(m.span_text, lex)
            if len(term) < 2 or term in done or not re.fullmatch(r"[\u4e00-\u9fff]+", term):
                continue
            if len(done) >= per_file:
                return
            done.add(term)

            def swap(m: re.Match[str], term: str = term) -> str:
                return term if REFERRING.search(text[max(0, m.start() - 8) : m.start()]) else "甲乙构件"

            seeded = re.sub(re.escape(term), swap, text)
            if seeded == text:
                continue  # nothing introduces the term literally (所述分配机外壳 after 分配机 and 外壳): no defect seeded
            yield (f"delete introduction of {term}", seeded, "antecedent-basis", None)


def forward_reference(text: str, cs: ClaimSet) -> Iterator[Seed]:
    """Make a dependent claim refer to the next claim."""
    for c in cs:
        if c.kind is not Kind.DEPENDENT or c.reference is None or cs.get(c.number + 1) is None:
            continue
        seg = c.reference.segment
        new = (
            re.sub(r"\d+", str(c.number + 1), seg.text, count=1)
            if re.search(r"\d", seg.text)
            else f"权利要求{c.number + 1}所述的"
        )
        yield (
            f"claim {c.number} refers to {c.number + 1}",
            _replace_span(text, seg.span.start, seg.span.end, new),
            "reference-forward",
            c.number,
        )


def add_exemplary(text: str, cs: ClaimSet) -> Iterator[Seed]:
    """Add 例如 before a claim's final full stop."""
    for c in cs:
        end = c.span.end
        while end > c.span.start and text[end - 1] in "。. \n":
            end -= 1
        yield (f"例如 in claim {c.number}", _replace_span(text, end, end, "，例如采用钢制"), "unclear-term", c.number)


def or_to_and(text: str, cs: ClaimSet) -> Iterator[Seed]:
    """Turn an alternative reference into a cumulative one (或 -> 和), or make one refer to 1和2."""
    for c in cs:
        if c.kind is not Kind.DEPENDENT or c.reference is None or c.number < 3:
            continue
        seg = c.reference.segment
        if "或" in seg.text:
            new = seg.text.replace("或", "和")
        elif re.search(r"\d", seg.text):
            new = re.sub(r"\d+", "1和2", seg.text, count=1)
        else:
            new = "权利要求1和2所述的"
        yield (
            f"claim {c.number}: 或 -> 和",
            _replace_span(text, seg.span.start, seg.span.end, new),
            "multiple-dependency-alternative",
            c.number,
        )


def change_subject(text: str, cs: ClaimSet) -> Iterator[Seed]:
    """Give a dependent claim another subject: another thing, or another category."""
    for c in cs:
        if c.kind is not Kind.DEPENDENT or c.subject is None:
            continue
        s = c.subject.span
        yield (
            f"claim {c.number}: subject -> 连接件",
            _replace_span(text, s.start, s.end, "连接件"),
            "subject-mismatch",
            c.number,
        )
        yield (
            f"claim {c.number}: subject -> 控制方法",
            _replace_span(text, s.start, s.end, "控制方法"),
            "subject-mismatch",
            c.number,
        )


SEEDERS = {
    "antecedent-basis": delete_introduction,
    "reference-forward": forward_reference,
    "unclear-term": add_exemplary,
    "multiple-dependency-alternative": or_to_and,
    "subject-mismatch": change_subject,
}


def seeded_cases(path: Path) -> Iterator[tuple[str, Seed]]:
    """Every seeded defect of one corpus file, as (file name, seed)."""
    text = path.read_text(encoding="utf-8")
    cs = parse_text(text, str(path))
    for seeder in SEEDERS.values():
        for seed in seeder(text, cs):
            yield path.name, seed


def caught(seed: Seed) -> bool:
    """Whether claimcheck flags the seeded defect with the expected rule (on the expected claim)."""
    from claimcheck.lint.config import Config
    from claimcheck.lint.engine import lint_claimset

    description, text, rule, claim = seed
    cs = parse_text(text)
    found = [d for d in lint_claimset(cs, Config(select=[rule])) if d.rule == rule]
    if rule == "antecedent-basis":
        term = description.split(" of ", 1)[1]
        return any(term in d.message_zh for d in found)
    if rule == "reference-forward":
        found += [d for d in lint_claimset(cs, Config(select=["reference-missing"]))]
    return any(claim is None or d.claim == claim for d in found)
