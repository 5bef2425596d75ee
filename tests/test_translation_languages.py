"""German and French claim sets: their language, their references, no English rule, dependency graphs compared."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.lint.engine import lint_claimset
from claimcheck.model import ClaimSet, RefMode
from claimcheck.parse import parse_source, parse_text
from claimcheck.readers import read_bytes
from claimcheck.translation import compare

ROOT = Path(__file__).resolve().parent.parent
XML = ROOT / "tests" / "corpus" / "xml" / "EP2716170B2.xml"
ZH = ROOT / "tests" / "translations" / "EP2716170B2.zh.txt"


def _claims(lang: str, old: str = "", new: str = "") -> ClaimSet:
    """The real EPO claims of EP2716170B2 in ``lang``, one reference rewritten (``old`` occurs once)."""
    data = XML.read_text(encoding="utf-8")
    if old:
        assert data.count(old) == 1, old
        data = data.replace(old, new)
    return parse_source(read_bytes(data.encode(), str(XML), lang=lang, suffix=".xml"))


@pytest.mark.parametrize("lang", ["de", "fr", "en"])
def test_language_comes_from_language_of(lang: str) -> None:
    cs = _claims(lang)
    assert cs.language == lang
    assert {c.language for c in cs} == {lang}


@pytest.mark.parametrize(
    ("lang", "old", "new", "claim", "refs", "mode"),
    [
        # real claims as published
        ("de", "", "", 2, [1], RefMode.SINGLE),
        ("de", "", "", 4, [1, 2, 3], RefMode.ALTERNATIVE),  # nach einem der vorangegangenen Ansprüche
        ("fr", "", "", 2, [1], RefMode.SINGLE),
        ("fr", "", "", 4, [1, 2, 3], RefMode.ALTERNATIVE),  # selon l'une quelconque des revendications précédentes
        # the other usual forms, written into the real claims
        (
            "de",
            "Vorrichtung nach einem der vorangegangenen Ansprüche",
            "Vorrichtung gemäß einem der Ansprüche 1 bis 3",
            4,
            [1, 2, 3],
            RefMode.ALTERNATIVE,
        ),
        (
            "de",
            "nach einem der vorangegangenen Ansprüche",
            "nach einem der vorhergehenden Ansprüche",
            4,
            [1, 2, 3],
            RefMode.ALTERNATIVE,
        ),
        ("de", "Vorrichtung nach Anspruch 2,", "Vorrichtung nach Anspruch 1 oder 2,", 3, [1, 2], RefMode.ALTERNATIVE),
        (
            "de",
            "Vorrichtung nach Anspruch 2,",
            "Vorrichtung nach den Ansprüchen 1 und 2,",
            3,
            [1, 2],
            RefMode.CUMULATIVE,
        ),
        (
            "fr",
            "selon l'une quelconque des revendications précédentes",
            "selon l'une quelconque des revendications 1 à 3",
            4,
            [1, 2, 3],
            RefMode.ALTERNATIVE,
        ),
        (
            "fr",
            "selon l'une quelconque des revendications précédentes",
            "selon l'une des revendications précédentes",
            4,
            [1, 2, 3],
            RefMode.ALTERNATIVE,
        ),
        (
            "fr",
            "Dispositif selon la revendication 2,",
            "Dispositif selon la revendication 1 ou 2,",
            3,
            [1, 2],
            RefMode.ALTERNATIVE,
        ),
    ],
)
def test_german_and_french_references(
    lang: str, old: str, new: str, claim: int, refs: list[int], mode: RefMode
) -> None:
    cs = _claims(lang, old, new)
    c = cs.get(claim)
    assert c is not None
    assert sorted(set(c.refs)) == refs and c.ref_mode is mode, (c.refs, c.ref_mode, c.text[:80])
    assert c.subject is not None and c.subject.text in ("Vorrichtung", "Dispositif")
    # every claim still depends only on earlier claims, so the structural rules find nothing
    assert [d.code for d in lint_claimset(cs) if d.code in ("D001", "D002", "F001")] == []


def test_structural_rules_run_and_english_rules_do_not() -> None:
    cs = _claims("de", "Vorrichtung nach Anspruch 2,", "Vorrichtung nach Anspruch 5,")
    codes = {d.code for d in lint_claimset(cs)}
    assert "D001" in codes  # claim 5 does not exist
    english = parse_text((ROOT / "tests" / "translations" / "EP2716170B2.en.txt").read_text(encoding="utf-8"))
    en_rules = {"A101", "C101", "C102", "C103", "D101", "D102", "F101", "F102"}
    for lang in ("de", "fr"):
        found = {d.code for d in lint_claimset(_claims(lang))}
        assert not found & en_rules, found
    assert english.language == "en"


@pytest.mark.parametrize(
    ("lang", "old", "new"),
    [
        ("de", "Vorrichtung nach Anspruch 2,", "Vorrichtung nach Anspruch 1,"),
        ("fr", "Dispositif selon la revendication 2,", "Dispositif selon la revendication 1,"),
    ],
)
def test_translation_compares_dependency_graphs_of_german_and_french(lang: str, old: str, new: str) -> None:
    zh = parse_text(ZH.read_text(encoding="utf-8"))
    assert compare(_claims(lang), zh) == []
    findings = compare(_claims(lang, old, new), zh)
    assert [(f.kind, f.claim) for f in findings] == [("dependency", 3)]
    assert findings[0].original is not None and findings[0].original.text.startswith(("Anspruch 1", "revendication 1"))
