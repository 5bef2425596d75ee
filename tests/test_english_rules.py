"""The English claim rules: the phrase reader, the office profiles, and precision on the real English claim sets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from claimcheck.analysis.english import Basis, basis, phrases, singular
from claimcheck.lint.config import build_config
from claimcheck.lint.engine import lint_claimset
from claimcheck.model.diagnostic import Severity
from claimcheck.parse import parse_text
from claimcheck.rules import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent
EN = ROOT / "tests" / "corpus" / "en"
ENGLISH = [r.code for r in ALL_RULES if r.languages == ("en",)]


def _bench() -> ModuleType:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("precision_en", ROOT / "benchmarks" / "precision_en.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("plural", "single"),
    [
        ("magnets", "magnet"),
        ("cavities", "cavity"),
        ("boxes", "box"),
        ("means", "means"),
        ("axes", "axis"),
        ("glass", "glass"),
        ("fill-drain tubes", "fill-drain tube"),
        ("teeth", "tooth"),
        ("apparatus", "apparatus"),
    ],
)
def test_singular(plural: str, single: str) -> None:
    assert " ".join(singular(w) for w in plural.split()) == single


def test_phrases_read_determiners_verbs_and_coordination() -> None:
    text = (
        "a first and a second permanent magnet of which the combined magnetic field produces a voltage, "
        "the one or more ferromagnetic elements (2) located below a membrane exposed to the pressure, "
        "an electronic control unit (ECU) and a piston displaceable in a cylinder"
    )
    got = [(p.det, p.text) for p in phrases(text)]
    assert ("a", "first permanent magnet") in got
    assert ("a", "second permanent magnet") in got
    assert ("the", "combined magnetic field") in got  # "produces" before a determiner is a verb
    assert ("the one or more", "ferromagnetic elements") in got
    assert ("a", "membrane") in got  # "exposed to" ends the phrase
    assert ("an", "ecu") in got  # the abbreviation defined in parentheses introduces itself
    assert ("a", "piston") in got


@pytest.mark.parametrize(
    ("intro", "ref", "want"),
    [
        ("a plurality of rollers", "the roller", Basis.LITERAL),
        ("a Hall-effect sensor unit", "said sensor unit", Basis.LITERAL),
        ("a first jaw", "the second jaw", Basis.CONFLICT),
        ("a permanent magnet", "said fixed magnet", Basis.HEAD),
        ("a member", "said membrane", Basis.NONE),
    ],
)
def test_basis_levels(intro: str, ref: str, want: Basis) -> None:
    r = next(p for p in phrases(f"x, {ref} is here") if p.referring)
    assert basis(r, phrases(intro)) is want


def _codes(path: Path, profile: str | None) -> dict[tuple[int | None, str], Severity]:
    cfg = build_config({"select": ENGLISH}, None, profile)
    cs = parse_text(path.read_text(encoding="utf-8"))
    return {(d.claim, d.code): d.severity for d in lint_claimset(cs, cfg)}


def test_office_profiles_differ_on_multiple_dependency() -> None:
    path = EN / "EP0546210B2.txt"
    ep, us, default = _codes(path, "ep"), _codes(path, "us"), _codes(path, None)
    assert not [k for k in ep if k[1] in ("D101", "D102")]  # the EPC allows chains and cumulative references
    assert us[(10, "D101")] is Severity.ERROR and us[(5, "D102")] is Severity.ERROR
    assert default[(10, "D101")] is Severity.WARNING  # PCT Rule 6.4: warning
    assert (1, "F102") in us and (1, "F102") in ep  # 32 claims: fees at both offices


def test_us_profile_makes_figure_references_a_warning() -> None:
    text = "1. A clamp comprising a jaw having the shape shown in Fig. 3."
    us = lint_claimset(parse_text(text), build_config({"select": ["C102"]}, None, "us"))
    ep = lint_claimset(parse_text(text), build_config({"select": ["C102"]}, None, "ep"))
    assert [d.severity for d in us] == [Severity.WARNING]
    assert [d.severity for d in ep] == [Severity.ERROR]


def test_english_rules_stay_silent_on_chinese_claims() -> None:
    cs = parse_text("1. 一种夹具，包括底座，其特征在于，所述滑块可沿所述导轨移动，例如如图3所示。")
    found = lint_claimset(cs, build_config({"select": ENGLISH}, None, None))
    assert found == []


def test_every_warning_on_the_english_corpus_is_judged_and_precision_is_at_least_0_9() -> None:
    bench = _bench()
    rows = bench.read_table(bench.TABLE)
    verdicts = {r.key: r.verdict for r in rows}
    assert all(r.verdict in ("T", "A", "F") and r.reason.strip() for r in rows)
    found = bench.findings()
    assert found, "the English rules raise nothing on the corpus"
    missing = [f.key for f in found if f.key not in verdicts]
    assert not missing, f"findings without a verdict in benchmarks/adjudicated_en.tsv: {missing}"
    true = sum(n for f, n in found.items() if verdicts[f.key] == "T")
    assert true / sum(found.values()) >= 0.9
