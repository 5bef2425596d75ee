"""The reference part (引用部分) of a claim parses as published, in every form met in real claim sets."""

from __future__ import annotations

import pytest

from claimcheck.lint.engine import lint_text
from claimcheck.model import Category, Claim, Kind, RefMode
from claimcheck.parse import parse_text

ALT, SINGLE, CUM = RefMode.ALTERNATIVE, RefMode.SINGLE, RefMode.CUMULATIVE

# claims 1 to 9 of one device; the claim under test is claim 10
_HEAD = "1. 一种灭火系统，包括容器。\n" + "".join(
    f"{n}. 根据权利要求1所述的灭火系统，其中，所述容器的容积为{n}升。\n" for n in range(2, 10)
)


def _claim10(reference: str) -> Claim:
    c = parse_text(_HEAD + f"10. {reference}，其中，所述容器为钢瓶。\n").get(10)
    assert c is not None
    return c


# reference, numbers, mode, any_of, all_preceding
CN_FORMS: list[tuple[str, tuple[int, ...], RefMode, bool, bool]] = [
    ("根据前述权利要求1或2所述的灭火系统", (1, 2), ALT, False, False),
    ("根据前述权利要求9所述的灭火系统", (9,), SINGLE, False, False),
    ("根据前述权利要求1，2或9所述的灭火系统", (1, 2, 9), ALT, False, False),
    ("根据前述任一权利要求所述的灭火系统", tuple(range(1, 10)), ALT, True, True),
    ("如前述权利要求中任一项所述的灭火系统", tuple(range(1, 10)), ALT, True, True),
    ("根据权利要求第1项所述的灭火系统", (1,), SINGLE, False, False),
    ("根据权利要求书1所述的灭火系统", (1,), SINGLE, False, False),
    ("根据权利要求1至3中任一项所述的灭火系统", (1, 2, 3), ALT, True, False),
    ("根据权利要求1至3中任一项的灭火系统", (1, 2, 3), ALT, True, False),
    ("根据权利要求１至３中任一项所述的灭火系统", (1, 2, 3), ALT, True, False),
    ("根据权利要求1或权利要求2所述的灭火系统", (1, 2), ALT, False, False),
    ("如权利要求1-3任一项所述的灭火系统", (1, 2, 3), ALT, True, False),
    ("根据权利要求1、2或3所述的灭火系统", (1, 2, 3), ALT, False, False),
    ("根据权利要求1和2所述的灭火系统", (1, 2), CUM, False, False),
    ("根据上述权利要求2或3所述的灭火系统", (2, 3), ALT, False, False),
    ("如前述权利要求一项或多项所述的灭火系统", tuple(range(1, 10)), ALT, True, True),
    ("根据权利要求1并2所述的灭火系统", (1, 2), CUM, False, False),
    ("根据权利要求4至9中任一权利要求所述的灭火系统", (4, 5, 6, 7, 8, 9), ALT, True, False),
    ("根据权利要求第1至3项中任一项所述的灭火系统", (1, 2, 3), ALT, True, False),
    ("在权利要求2所述的灭火系统中", (2,), SINGLE, False, False),
]
DASHES = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\uff0d", "\uff5e", "~", "至", "到"]


@pytest.mark.parametrize(("reference", "numbers", "mode", "any_of", "all_preceding"), CN_FORMS)
def test_chinese_forms(
    reference: str, numbers: tuple[int, ...], mode: RefMode, any_of: bool, all_preceding: bool
) -> None:
    c = _claim10(reference)
    assert c.kind is Kind.DEPENDENT
    assert c.refs == numbers
    assert c.ref_mode is mode
    assert c.reference is not None
    assert c.reference.any_of is any_of and c.reference.all_preceding is all_preceding
    assert c.subject is not None and c.subject.text == "灭火系统"
    assert c.category is Category.PRODUCT


@pytest.mark.parametrize("dash", DASHES, ids=[f"U+{ord(d):04X}" for d in DASHES])
def test_range_with_any_dash(dash: str) -> None:
    c = _claim10(f"根据权利要求2{dash}4中任一项所述的灭火系统")
    assert c.kind is Kind.DEPENDENT
    assert c.refs == (2, 3, 4)
    assert c.ref_mode is ALT
    assert c.reference is not None and c.reference.any_of and not c.reference.all_preceding
    assert c.subject is not None and c.subject.text == "灭火系统"


def test_bare_range_with_unicode_hyphen_is_a_range() -> None:
    c = _claim10("根据权利要求1\u20113所述的灭火系统")
    assert c.refs == (1, 2, 3) and c.ref_mode is CUM
    assert c.reference is not None and c.reference.bare_range and not c.reference.any_of


@pytest.mark.parametrize(
    ("reference", "numbers"),
    [
        ("根据权利要求二所述的灭火系统", (2,)),
        ("根据权利要求一或十二所述的灭火系统", (1, 12)),
        ("根据权项3所述的灭火系统", (3,)),
    ],
)
def test_wrongly_written_numbers_are_read_and_marked(reference: str, numbers: tuple[int, ...]) -> None:
    c = _claim10(reference)
    assert c.kind is Kind.DEPENDENT and c.refs == numbers
    assert c.reference is not None and c.reference.abbreviated
    assert c.subject is not None and c.subject.text == "灭火系统"


def test_two_references_in_a_use_claim() -> None:
    text = (
        "1. 一种构建体，包括启动子。\n"
        + "".join(f"{n}. 根据权利要求1所述的构建体，其中，所述启动子为第{n}型。\n" for n in range(2, 7))
        + "".join(f"{n}. 一种载体，包括第{n}段序列。\n" for n in range(7, 13))
        + "13. 一种细胞，包括根据权利要求1至6任一所述的构建体。\n"
        "14. 根据权利要求1至6任一所述的构建体或权利要求13所述的细胞的用途，用于制备药物。\n"
    )
    c = parse_text(text).get(14)
    assert c is not None and c.reference is not None
    assert c.reference.numbers == (1, 2, 3, 4, 5, 6, 13)
    assert c.reference.mode is ALT and c.reference.any_of and not c.reference.all_preceding
    assert c.subject is not None and c.subject.text == "构建体或权利要求13所述的细胞的用途"
    assert c.category is Category.USE
    # a use claim built on product claims is an independent claim of another category that names them
    assert c.kind is Kind.INDEPENDENT and 13 in c.mentions


def test_two_references_in_a_dependent_claim() -> None:
    c = _claim10("根据权利要求1至3中任一项所述的灭火系统或权利要求9所述的灭火系统")
    assert c.kind is Kind.DEPENDENT
    assert c.refs == (1, 2, 3, 9) and c.ref_mode is ALT


@pytest.mark.parametrize("target", [7, 6], ids=["forward", "self"])
def test_forward_and_self_reference_stay_dependent(target: int) -> None:
    text = (
        "1. 一种夹具，包括底座。\n2. 根据权利要求1所述的夹具，其中，所述底座为钢制。\n"
        "3. 根据权利要求1所述的夹具，其中，所述底座为方形。\n4. 一种夹紧方法，包括放置工件。\n"
        "5. 根据权利要求4所述的夹紧方法，其中，所述工件为板材。\n"
        f"6. 根据权利要求{target}所述的夹紧方法，其中，所述工件为管材。\n"
        "7. 根据权利要求4所述的夹紧方法，其中，所述工件为棒材。\n"
        "8. 根据权利要求1或2所述的夹具，其中，所述底座为铸件。\n"
    )
    c6 = parse_text(text).get(6)
    assert c6 is not None and c6.kind is Kind.DEPENDENT and c6.refs == (target,)
    assert c6.subject is not None and c6.subject.text == "夹紧方法"
    codes = [(d.code, d.claim) for d in lint_text(text) if d.code.startswith("D")]
    # the broken reference is reported once, where it is; claim 8 really stands after claim 4
    assert sorted(codes) == [("D002", 6), ("D005", 8)]


def test_preceding_claims_in_claim_1_is_reported() -> None:
    text = "1. 如前述权利要求任一项所述的夹具，其中，所述底座为钢制。\n2. 根据权利要求1所述的夹具，其中，所述底座为方形。\n"
    c1 = parse_text(text).get(1)
    assert c1 is not None and c1.kind is Kind.DEPENDENT and c1.reference is not None and c1.reference.all_preceding
    assert [(d.code, d.claim) for d in lint_text(text) if d.code.startswith("D")] == [("D002", 1)]


def test_missing_reference_does_not_cascade() -> None:
    text = (
        "1. 一种夹具，包括底座。\n2. 根据权利要求9所述的夹具，其中，所述底座为钢制。\n"
        "3. 根据权利要求1所述的夹具，其中，所述底座为方形。\n4. 根据权利要求2所述的夹具，其中，所述底座为铸件。\n"
        "5. 根据权利要求1或4所述的夹具，其中，所述底座为锻件。\n"
    )
    codes = [(d.code, d.claim) for d in lint_text(text) if d.code.startswith("D")]
    assert codes == [("D001", 2)]


def test_mention_later_in_the_body_is_not_a_dependency() -> None:
    cs = parse_text(
        "1. 一种制备方法，包括混合步骤。\n"
        "2. 一种复合材料，其特征在于，采用权利要求1所述的方法制得。\n"
        "3. 一种容器，其壁部由根据前述权利要求2所述的复合材料制成。\n"
        "4. 根据前述权利要求2所述的复合材料制成的容器，其中，所述容器为圆筒。\n"
    )
    c2, c3, c4 = cs.get(2), cs.get(3), cs.get(4)
    assert c2 is not None and c2.kind is Kind.INDEPENDENT and c2.refs == () and c2.mentions == (1,)
    assert c3 is not None and c3.kind is Kind.INDEPENDENT and c3.refs == () and c3.mentions == (2,)
    # a claim of another product built on claim 2 names it at its head: independent, claim 2 mentioned
    assert c4 is not None and c4.kind is Kind.INDEPENDENT and c4.mentions == (2,)
    assert c4.subject is not None and c4.subject.text == "复合材料制成的容器"


def test_huge_numbers_are_not_claim_numbers() -> None:
    c = _claim10("根据权利要求1至99999999中任一项所述的灭火系统")
    assert c.reference is not None and c.reference.numbers == (1,)
    mentions = parse_text("1. 一种装置，其参数见权利要求1-999999999999。\n").claims[0].mentions
    assert mentions == (1,)


EN_BASE = (
    "1. A fire-extinguishing system comprising a container.\n"
    "2. The system according to claim 1, wherein the container is steel.\n"
    "3. The system according to claim 1, wherein the container is aluminium.\n"
)


@pytest.mark.parametrize(
    ("reference", "numbers", "mode", "any_of", "all_preceding"),
    [
        ("The system according to claim 1 or 2", (1, 2), ALT, False, False),
        ("The system as claimed in any one of claims 1 to 3", (1, 2, 3), ALT, True, False),
        ("The system of any preceding claim", (1, 2, 3), ALT, True, True),
        ("The system according to any one of the preceding claims", (1, 2, 3), ALT, True, True),
        ("The system according to any one of claims 1\u20113", (1, 2, 3), ALT, True, False),
        ("The system according to claims 1\u20113", (1, 2, 3), ALT, True, False),
    ],
)
def test_english_forms(
    reference: str, numbers: tuple[int, ...], mode: RefMode, any_of: bool, all_preceding: bool
) -> None:
    c = parse_text(EN_BASE + f"4. {reference}, wherein the container is painted.\n").get(4)
    assert c is not None and c.kind is Kind.DEPENDENT
    assert c.refs == numbers and c.ref_mode is mode
    assert c.reference is not None
    assert c.reference.any_of is any_of and c.reference.all_preceding is all_preceding
    assert c.subject is not None and c.subject.text == "system"


# a translated granted claim set in the style of a foreign filing: 根据前述权利要求N所述的…
FIRE_SYSTEM = """权利要求书

1. 一种灭火系统，包括：用于储存灭火剂的容器；与所述容器连接的输送管网；以及设置在所述输送管网末端的多个喷头。

2. 根据权利要求1所述的灭火系统，其中，所述灭火剂为全氟己酮。

3. 根据前述权利要求1或2所述的灭火系统，其中，所述容器内充有作为驱动气体的氮气。

4. 根据前述权利要求3所述的灭火系统，其中，所述氮气的充装压力为2.5MPa至4.2MPa。

5. 根据前述权利要求1或2所述的灭火系统，其中，所述输送管网包括主管和多个支管。

6. 根据前述权利要求5所述的灭火系统，其中，每个所述支管的末端设置有一个所述喷头。

7. 根据前述权利要求6所述的灭火系统，其中，所述喷头为雾化喷头。

8. 根据前述权利要求1或2所述的灭火系统，还包括设置在所述容器出口的启动阀。

9. 根据前述权利要求8所述的灭火系统，其中，所述启动阀为电磁阀。

10. 根据前述权利要求1或2所述的灭火系统，还包括用于检测火情的探测器。

11. 根据前述权利要求10所述的灭火系统，其中，所述探测器为感温探测器。

12. 一种灭火方法，使用根据权利要求1或2所述的灭火系统，包括以下步骤：检测火情；打开所述容器；通过所述喷头喷出所述灭火剂。

13. 根据前述权利要求12所述的灭火方法，其中，所述检测火情的步骤由探测器完成。

14. 根据前述权利要求13所述的灭火方法，其中，所述探测器检测到温度超过设定值时打开所述容器。

15. 根据前述权利要求12所述的灭火方法，其中，所述灭火剂喷出的持续时间为10秒。

16. 根据前述权利要求12或13所述的灭火方法，还包括在喷出所述灭火剂之后发出报警信号的步骤。

17. 根据前述权利要求16所述的灭火方法，其中，所述报警信号为声光报警信号。
"""


def test_translated_set_reads_as_published() -> None:
    cs = parse_text(FIRE_SYSTEM)
    assert len(cs) == 17
    assert [c.number for c in cs.independent] == [1, 12]
    expected = {2: (1,), 3: (1, 2), 4: (3,), 5: (1, 2), 6: (5,), 7: (6,), 8: (1, 2), 9: (8,), 10: (1, 2)}
    expected |= {11: (10,), 13: (12,), 14: (13,), 15: (12,), 16: (12, 13), 17: (16,)}
    for number, refs in expected.items():
        c = cs.get(number)
        assert c is not None and c.kind is Kind.DEPENDENT, number
        assert c.refs == refs, number
        assert c.reference is not None and not c.reference.all_preceding, number
        assert c.subject is not None and c.subject.text == ("灭火方法" if number > 12 else "灭火系统"), number
    for number in range(13, 18):
        c = cs.get(number)
        assert c is not None and [r.number for r in cs.roots(c)] == [12], number
    c12 = cs.get(12)
    assert c12 is not None and c12.mentions == (1, 2) and c12.category is Category.METHOD


def test_translated_set_has_no_false_dependency_findings() -> None:
    codes = [d.code for d in lint_text(FIRE_SYSTEM)]
    assert "D004" not in codes and "S001" not in codes
    assert not [c for c in codes if c.startswith("D")]
