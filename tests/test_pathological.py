"""Small valid inputs that once took polynomial time or crashed: each generated here and linted.

Every test is bounded by the structure of the code, not by a clock: it counts the work done (term readings,
comparisons, regular-expression steps) or the findings, and the suite's time budget shows a regression.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

import claimcheck.rules.antecedent as antecedent
from claimcheck.analysis import numbers
from claimcheck.analysis.lineage import Lineage
from claimcheck.lint.config import Config
from claimcheck.lint.engine import lint_text
from claimcheck.model import SourceText
from claimcheck.model.diagnostic import Diagnostic
from claimcheck.parse import parse_source


def lint(text: str, *rules: str) -> list[Diagnostic]:
    """The findings of ``rules`` (every rule when none is named) on ``text``; no rule may crash."""
    found = lint_text(text, Config(select=list(rules) or ["ALL"]))
    crashed = [d.message_en for d in found if d.code == "X000"]
    assert not crashed, crashed
    return found


def any_preceding(n: int, extra: Callable[[int], str] = lambda i: "所述滑块与所述底座滑动连接") -> str:
    """Claim 1 and ``n - 1`` claims referring to every preceding claim (如前述权利要求中任一项)."""
    lines = ["1. 一种夹具，包括底座和设置在所述底座上的滑块。"]
    lines += [f"{i}. 如前述权利要求中任一项所述的夹具，其特征在于，{extra(i)}。" for i in range(2, n + 1)]
    return "\n".join(lines)


@pytest.fixture
def count_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often antecedent-basis reads a term against a prior text."""
    calls: Counter[str] = Counter()
    real = antecedent.read

    def counted(span_text: str, prior: str, lex: Any) -> Any:
        calls["read" if prior else "term only"] += 1
        return real(span_text, prior, lex)

    monkeypatch.setattr(antecedent, "read", counted)
    return calls


def test_all_preceding_claims_are_read_once_per_term(count_reads: Counter[str]) -> None:
    # 120 claims, each depending on every claim before it: a term is read once per claim, not once per path
    found = lint(any_preceding(120), "antecedent-basis", "antecedent-quantity")
    assert found == []
    # each claim reads its two terms against its own text, and each claim's text once per distinct term
    assert count_reads["read"] <= 4 * 120


def test_unsupported_terms_under_all_preceding_claims(count_reads: Counter[str]) -> None:
    found = lint(any_preceding(80, lambda i: f"所述定位销{i}插入所述底座"), "antecedent-basis")
    assert sorted(d.claim for d in found) == list(range(2, 81))
    # the message names the claims looked in, a long list shortened
    assert "… (79)" in found[-1].message_en
    assert count_reads["read"] <= 8 * 80 * 2


MATERIALS = ("橡胶", "钢制", "铝制", "尼龙", "铜质", "塑料", "陶瓷", "木质")
PARTS = ("垫圈", "弹簧", "销钉", "套筒", "挡板", "卡箍", "压块", "导杆")


def test_unsupported_terms_under_all_preceding_claims_with_a_description() -> None:
    # every claim adds a part (橡胶垫圈, 钢制弹簧 …) that the description never names
    def part(i: int) -> str:
        return f"所述滑块上设有{MATERIALS[i % 8]}{PARTS[i // 8 % 8]}"

    claims = any_preceding(60, part)
    desc = "夹具\n技术领域\n本发明涉及一种夹具。\n具体实施方式\n夹具包括底座和滑块，滑块设置在底座上。\n"
    found = lint(f"权利要求书\n{claims}\n说明书\n{desc}说明书摘要\n一种夹具。\n", "description-support")
    assert sorted(d.claim or 0 for d in found) == list(range(2, 61))


def test_a_chain_of_claims_is_walked_without_recursion() -> None:
    # each claim refers to the one before and names a part no claim introduces: the walk goes down the whole chain
    n = 500
    lines = ["1. 一种夹具，包括底座。"]
    lines += [f"{i}. 根据权利要求{i - 1}所述的夹具，其特征在于，所述部件{i}连接所述底座。" for i in range(2, n + 1)]
    found = lint("\n".join(lines), "antecedent-basis")
    assert [d.claim for d in found] == list(range(2, n + 1))
    cs = parse_source(SourceText("\n".join(lines)))
    lineage = Lineage(cs)
    assert lineage.numbers(lineage.mask(cs.claims[-1])) == list(range(1, n + 1))


def test_identical_claims_are_one_finding_per_group() -> None:
    text = "\n".join(f"{i}. 一种夹具，包括底座和设置在所述底座上的滑块。" for i in range(1, 1000))
    found = lint(text, "duplicate-claim")
    assert len(found) == 1
    assert found[0].claim == 2
    assert found[0].message_en.startswith("claims 2, 3, 4") and "(998)" in found[0].message_en


def test_nearly_identical_claims_are_one_finding_per_claim() -> None:
    base = "一种夹具，包括底座、设置在所述底座上的滑块、安装在所述滑块上的压紧螺钉以及插在所述底座中的定位销"
    text = "\n".join(f"{i}. {base}{'甲乙丙丁戊己庚辛壬癸'[i % 10]}。" for i in range(1, 11))
    found = lint(text, "duplicate-claim")
    assert [(d.claim, d.severity.label) for d in found] == [(i, "info") for i in range(2, 11)]
    assert found[-1].message_en.endswith("alike claims 1, 2, 3, 4, 5, 6, 7, 8, 9: check that their scopes differ")


def test_a_long_run_of_digits() -> None:
    digits = "1234567890" * 2000
    found = lint(f"1. 一种夹具，包括底座，所述底座的编号为{digits}。", "C", "P001", "W002")
    assert [d.code for d in found] == ["P001"]
    # a value pattern never starts inside a run of digits, so each run is tried once
    assert numbers.values("编号" + digits + "mm") == [numbers.Value(2, 2 + len(digits) + 2, "quantity")]


def test_ten_thousand_references_in_one_claim(count_reads: Counter[str]) -> None:
    # no part named 部件 is introduced: the text before each marker offers no opening for it, so it is not read
    text = "1. 一种夹具，包括底座，" + "，".join(f"所述部件{i}" for i in range(10_000)) + "。"
    found = lint(text, "antecedent-basis")
    assert [d.message_en.split("'")[1] for d in found] == ["部件"]
    assert count_reads["read"] <= 10  # the term of each reference is still read, against no text


def test_ten_thousand_references_to_an_introduced_part() -> None:
    text = "1. 一种夹具，包括底座和部件，" + "，".join(f"所述部件{i}" for i in range(10_000)) + "。"
    assert lint(text, "antecedent-basis") == []


def test_the_text_before_each_marker_is_the_normal_form_of_the_prefix() -> None:
    from claimcheck.analysis.terms import MARKER, Before, normalise

    folded = "一种装置，包括第一、第二支架所述底座(1，2)连接，第一和第二杆件所述(3、4)；所述第一、第二支架上设有该杆"
    before = Before("装置", folded)
    for m in MARKER.finditer(folded):
        assert before.text_before(m.start()) == normalise("装置") + "|" + normalise(folded[: m.start()])


@pytest.mark.parametrize("word", ["高温", "优选", "铜等"])
def test_six_thousand_unclear_words_in_one_clause(word: str) -> None:
    sep = "、" if word == "铜等" else ""
    text = f"1. 一种夹具，包括底座，所述底座{sep.join([word] * 6000)}。"
    found = lint(text, "unclear-term")
    assert len(found) >= 5999


def test_ten_thousand_plural_references_in_one_claim(monkeypatch: pytest.MonkeyPatch) -> None:
    # 所述多个部件i, each after the one before: the quantity of 部件 is read from an index of the claim's text, not by
    # scanning the text before every mention
    scanned: Counter[str] = Counter()
    real = antecedent.AntecedentQuantity._introductions

    def counted(*args: Any) -> Any:
        scanned["prefix"] += 1
        return real(*args)

    monkeypatch.setattr(antecedent.AntecedentQuantity, "_introductions", staticmethod(counted))
    text = "1. 一种夹具，包括底座和一个部件，" + "，".join(f"所述多个部件{i}" for i in range(10_000)) + "。"
    found = lint(text, "antecedent-quantity")
    # the first is several after one; from the second on, 部件 was also written as several before it
    assert [d.message_en for d in found] == [
        "'部件' was introduced as one (一个部件) but is referred to as several here"
    ]
    assert scanned["prefix"] == 0


def test_ten_thousand_different_unsupported_terms_in_one_claim(count_reads: Counter[str]) -> None:
    # every reference names a new part (所述倀怀件, 所述倀态件 …): whether the rest of the claim introduces it is
    # read only where it has an opening for the term's first character
    text = "1. 一种夹具，包括底座，" + "，".join(
        f"所述{chr(0x5000 + i // 100)}{chr(0x6000 + i % 100)}件" for i in range(10_000)
    )
    found = lint(text + "。", "antecedent-basis")
    assert len(found) == 10_000
    assert count_reads["read"] <= 10  # before: 10,000 readings of the rest of the claim


def test_a_chain_of_claims_each_with_a_new_unsupported_term(count_reads: Counter[str]) -> None:
    n = 1_500
    lines = ["1. 一种夹具，包括底座。"]
    lines += [
        f"{i}. 根据权利要求{i - 1}所述的夹具，其特征在于，所述{chr(0x5000 + i // 100)}{chr(0x6000 + i % 100)}件连接所述底座。"
        for i in range(2, n + 1)
    ]
    found = lint("\n".join(lines), "antecedent-basis")
    assert [d.claim for d in found] == list(range(2, n + 1))
    assert "… (1499)" in found[-1].message_en
    assert count_reads["read"] <= 10


def test_a_chain_of_english_claims_each_with_a_new_unsupported_term() -> None:
    # the walk down the chain has no recursion, and skips the claims whose chains introduce no head of the reference
    n = 1_500
    lines = ["1. A clamp comprising a base."]
    lines += [f"{i}. The clamp of claim {i - 1}, wherein the part{i} is fixed to the base." for i in range(2, n + 1)]
    found = lint("\n".join(lines), "en-antecedent-basis")
    assert [d.claim for d in found] == list(range(2, n + 1))
    assert found[-1].message_en.endswith(
        "claims 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, … (1499) it depends on"
    )
