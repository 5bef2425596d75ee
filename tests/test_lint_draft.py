"""A whole crafted draft, linted end to end: the exact set of findings, including four defects that a
source-available Chinese linter missed (和 instead of 或, 约…左右, a basis through one alternative only,
所述多个风扇 after 一个风扇)."""

from __future__ import annotations

from claimcheck.lint.engine import lint_text
from claimcheck.model.diagnostic import Severity

DRAFT = """权利要求书
1. 一种散热装置，包括底板和一个风扇，所述底板的厚度约为5mm左右。
2. 根据权利要求1所述的散热装置，其特征在于，还包括支架，所述风扇安装在所述支架上。
3. 根据权利要求1和2所述的散热装置，其特征在于，所述底板为铜制。
4. 根据权利要求1或2所述的散热装置，其特征在于，所述支架为铝制。
5. 根据权利要求2所述的散热装置，其特征在于，所述多个风扇沿周向布置。
"""


def test_draft_findings_are_exact() -> None:
    found = {(d.code, d.claim, d.severity) for d in lint_text(DRAFT)}
    assert found == {
        ("C001", 1, Severity.WARNING),  # 约为
        ("D003", 3, Severity.ERROR),  # 1和2: not in the alternative
        ("A001", 4, Severity.WARNING),  # 支架 only through claim 2
        ("A002", 5, Severity.INFO),  # 一个风扇 -> 所述多个风扇
        ("F004", 1, Severity.INFO),  # no 其特征在于 in an independent product claim
    }


def test_each_of_the_four_defects() -> None:
    ds = lint_text(DRAFT)
    text = {d.code: d for d in ds if d.code != "C001"}
    assert "does not refer in the alternative" in text["D003"].message_en
    assert "through claim 2 but not through claim 1" in text["A001"].message_en
    assert "introduced as one" in text["A002"].message_en
    approx = [d for d in ds if d.code == "C001"]
    assert len(approx) == 2  # 约为 and 5mm左右
