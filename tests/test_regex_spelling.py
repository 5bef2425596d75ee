"""Patterns spelled to compile faster match exactly what their plain spelling matches.

Each case pairs a pattern as the code compiles it with the plain spelling it stands for, and compares every match
(span and groups) of the two on the corpus texts, folded and not, and on texts made to exercise the rewritten parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimcheck.analysis import numbers
from claimcheck.lexicon import Lexicons
from claimcheck.rules import names

ROOT = Path(__file__).resolve().parent.parent
TEXT_FOLDERS = (ROOT / "tests" / "corpus", ROOT / "tests" / "drafts", ROOT / "sample_claims")


def _corpus() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for d in TEXT_FOLDERS for p in sorted(d.rglob("*")) if p.suffix == ".txt"]
    assert len(texts) > 50
    return texts + [numbers.fold(t) for t in texts]


CORPUS = _corpus()


def _matches(p: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in p.finditer(text)]


def _unit_texts() -> Iterator[str]:
    """Every unit written in Chinese after a number, alone and before each word it must not begin."""
    for item in re.findall(r"[^|()]+(?:\(\?![^()]*\))?", numbers._CJK_UNITS):
        unit, _, rest = item.partition("(?!")
        yield f"长3{unit}，"
        yield f"3-5{unit}相连"
        for word in rest.rstrip(")").split("|") if rest else ():
            yield f"底座3{unit}{word}，3 {unit}{word}。"


def _plain_unit() -> str:
    return rf"(?:(?:{numbers._LATIN_UNITS})(?![A-Za-z])|(?:{numbers._CJK_UNITS}))"


def _plain_quantity() -> str:
    n, unit, sep = numbers._N, _plain_unit(), numbers._RANGE_SEP
    return rf"(?<![0-9.]){n}(?:\s*{unit})?{sep}{n}\s*{unit}|(?<![0-9.]){n}\s?{unit}"


CASES = {
    "numbers quantity": (numbers._QUANTITY, _plain_quantity(), list(_unit_texts())),
    "numbers unit at": (numbers._UNIT_AT(), r"\s?" + _plain_unit(), list(_unit_texts())),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_fast_spelling_matches_what_the_plain_one_matches(case: str) -> None:
    fast, plain_spelling, extra = CASES[case]
    plain = re.compile(plain_spelling, fast.flags)
    assert fast.pattern != plain.pattern, "a case compares two spellings"
    for text in CORPUS + extra:
        assert _matches(fast, text) == _matches(plain, text), text[:80]


def test_the_made_texts_meet_the_lookaheads() -> None:
    plain = re.compile(_plain_quantity())
    texts = list(_unit_texts())
    hits = sum(bool(plain.search(t)) for t in texts)
    assert 0 < hits < len(texts)  # some units are refused before a word they must not begin


def _plain_defined_abbreviations(text: str) -> set[str]:
    out: set[str] = set()
    for m in re.finditer(r"[\u4e00-\u9fff][（(]([A-Za-z0-9 ,，\-./]+)[）)]", text):
        out.update(names._TOKEN.findall(m.group(1)))
    for m in re.finditer(r"([A-Za-z][A-Za-z0-9\-]*)\s*[（(][\u4e00-\u9fff]", text):
        out.add(m.group(1))
    return out


def test_defined_abbreviations_are_those_of_the_plain_patterns() -> None:
    made = [
        "电子控制单元（ECU）",
        "ECU（电子控制单元）",
        "（ECU）开头",
        "a(b(中",
        "中(AB(CD)",
        "x1和(y)中(z)",
        "AB (中",
        "AB( 中",
    ]
    found = 0
    for text in CORPUS + made:
        plain = _plain_defined_abbreviations(text)
        assert names.defined_abbreviations(text) == plain, text[:80]
        found += len(plain)
    assert found > 0


def test_word_occurrences_are_those_of_finditer() -> None:
    brands = names.words(Lexicons.default()).brands
    for text in [*CORPUS, "aaaa", "西门子西门子子", ""]:
        for word in (*brands, "a", "aa", "子", ""):
            assert list(names._occurrences(word, text)) == [m.start() for m in re.finditer(re.escape(word), text)]
