"""The fast paths of the lint give exactly the findings of the plain computations they replace.

Every claim set of the corpus (claims alone and with their descriptions) and of ``sample_claims`` is linted twice
in this test: as shipped, and with each shortcut replaced by the direct computation it stands for (normalising
every prefix of a claim, reading every term against every claim, joining every prior text, searching every clause
again, value patterns that may start anywhere). The two runs must agree finding for finding.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

import claimcheck.analysis.numbers as numbers
import claimcheck.analysis.terms as terms
import claimcheck.analysis.wording as wording
import claimcheck.rules.antecedent as antecedent
from claimcheck.lint.config import Config
from claimcheck.lint.engine import lint_paths

FOLDERS = [ROOT / "tests" / "corpus" / d for d in ("cn", "en", "xml")] + [ROOT / "sample_claims"]


def _runs() -> list[tuple[Path, Path | None]]:
    out: list[tuple[Path, Path | None]] = []
    for folder in FOLDERS:
        for path in sorted(folder.iterdir()):
            if path.suffix not in (".txt", ".xml") or path.name.endswith(".desc.txt"):
                continue
            out.append((path, None))
            desc = path.with_name(path.stem + ".desc.txt")
            if desc.is_file():
                out.append((path, desc))
    return out


def _findings() -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for path, desc in _runs():
        for result in lint_paths([path], config_for=lambda _p: Config(select=["ALL"]), description_path=desc):
            assert result.error is None, result.error
            for d in result.diagnostics:
                out.append((path.name, desc is not None, d.code, d.claim, d.span, d.severity, d.message_en))
    return out


class _DirectBefore:
    """The text before a marker normalised from scratch, and no openings (every term is read)."""

    def __init__(self, subject: str, folded: str) -> None:
        self.head = terms.normalise(subject) + "|"
        self.folded = folded

    def text_before(self, end: int) -> str:
        return self.head + terms.normalise(self.folded[:end])

    def openings_before(self, end: int) -> Any:
        return _Everything()


class _Everything:
    def admits(self, ch: str) -> bool:
        return True


class _DirectWithin:
    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern = pattern
        self.text = text

    def fits(self, a: int, s: int) -> bool:
        return self.pattern.search(self.text, a, s) is not None


def _direct_clause_bounds(text: str, i: int, seps: list[int] | None = None) -> tuple[int, int]:
    start = max((m.end() for m in re.finditer(r"[，。；：,;:\n]", text[:i])), default=0)
    end = re.compile(r"[，。；：,;:\n]").search(text, i)
    return start, end.start() if end else len(text)


def _plain_values(text: str) -> list[numbers.Value]:
    n = r"[0-9]+(?:\.[0-9]+)?"
    patterns = [
        ("quantity", numbers._QUANTITY),
        ("ratio", re.compile(rf"{n}(?:\s*[:：∶]\s*{n})+")),
        ("formula", re.compile(rf"[<>≤≥≦≧=≠≈≌±×÷*/^+√∑∫]\s*{n}|{n}\s*[<>≤≥≦≧=≠≈≌±×÷*/^+]")),
        ("decimal", re.compile(r"[0-9]+\.[0-9]+")),
        ("code", numbers._CODE),
        ("formula", re.compile(r"[0-9]+[²³⁰¹⁴⁵⁶⁷⁸⁹⁻]+")),
    ]
    out = [numbers.Value(m.start(), m.end(), kind) for kind, p in patterns for m in p.finditer(text)]
    return sorted(out, key=lambda v: (v.start, v.end))


def _direct(m: pytest.MonkeyPatch) -> None:
    """Replace every shortcut by the computation it stands for."""
    m.setattr(antecedent, "Before", _DirectBefore)
    m.setattr(antecedent, "opening_of", lambda span_text: None)  # no claim is skipped on its openings
    m.setattr(antecedent, "introduced_terms_of", lambda parts, lex, cache: terms.introduced_terms("|".join(parts), lex))
    m.setattr(antecedent, "SUGGESTIONS", 10**9)
    m.setattr(antecedent, "QUANTITY_INDEX", False)
    m.setattr(wording, "_Within", _DirectWithin)
    m.setattr(wording, "clause_bounds", _direct_clause_bounds)
    m.setattr(numbers, "values", _plain_values)


def test_the_corpus_gives_the_same_findings_without_the_shortcuts(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _findings()
    assert fast, "the corpus gives findings"
    with monkeypatch.context() as m:
        _direct(m)
        plain = _findings()
    assert sorted(fast, key=repr) == sorted(plain, key=repr)


def test_the_shortcuts_are_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    # the reference run really takes the direct paths
    _direct(monkeypatch)
    assert isinstance(antecedent.Before("装置", "一种装置，包括底座，所述底座"), _DirectBefore)
    assert wording.clause_bounds("甲，乙，丙", 3) == (2, 3)
    assert numbers.value_mask("编号12.5mm")[2] == 1
