"""Crafted minimal cases for every claim-number and reference form the parser reads."""

from __future__ import annotations

import pytest

from claimcheck.model import Category, Kind, RefMode
from claimcheck.parse import parse_text

BASE = "1. 一种散热装置，包括底板和翅片。\n2. 根据权利要求1所述的散热装置，其特征在于，所述翅片为铝制。\n3. 根据权利要求1所述的散热装置，其特征在于，所述底板为铜制。\n"


@pytest.mark.parametrize(
    "text",
    [
        "1. 一种夹具，包括底座。\n2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。",
        "1．一种夹具，包括底座。\n2．根据权利要求1所述的夹具，其特征在于，所述底座为钢制。",
        "1、一种夹具，包括底座。\n2、根据权利要求1所述的夹具，其特征在于，所述底座为钢制。",
        "1)一种夹具，包括底座。\n2)根据权利要求1所述的夹具，其特征在于，所述底座为钢制。",
        "[1] 一种夹具，包括底座。\n[2] 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。",
        "【1】一种夹具，包括底座。\n【2】根据权利要求1所述的夹具，其特征在于，所述底座为钢制。",
        "权利要求1、一种夹具，包括底座。\n权利要求2、根据权利要求1所述的夹具，其特征在于，所述底座为钢制。",
        "１．一种夹具，包括底座。\n２．根据权利要求１所述的夹具，其特征在于，所述底座为钢制。",
        "权利要求书\n\n1. 一种夹具，包括底座。\n\n1/1页\n\n2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。",
        "1. 一种夹具，包括底座。2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。",
        "1. 一种夹具，包括\n底座。\r\n\r\n2. 根据权利要求1所述的夹具，\r\n其特征在于，所述底座为钢制。\r\n",
    ],
    ids=[
        "dot",
        "fullwidth-dot",
        "dunhao",
        "paren",
        "bracket",
        "lenticular",
        "prefix",
        "fullwidth-digits",
        "headers",
        "one-line",
        "crlf-wrapped",
    ],
)
def test_number_forms(text: str) -> None:
    cs = parse_text(text)
    assert [c.number for c in cs] == [1, 2]
    c2 = cs.get(2)
    assert c2 is not None and c2.refs == (1,) and c2.kind is Kind.DEPENDENT
    assert c2.subject is not None and c2.subject.text == "夹具"
    assert "页" not in "".join(c.text for c in cs)


def test_decimals_and_steps_do_not_split() -> None:
    text = (
        "1. 一种方法，包括以下步骤：\n1) 将温度升至3.5℃；\n2) 保温2.5小时；\n3) 冷却。\n"
        "2. 根据权利要求1所述的方法，其特征在于，所述冷却速度为\n1.5℃/min。\n"
    )
    cs = parse_text(text)
    assert [c.number for c in cs] == [1, 2]
    assert "保温2.5小时" in cs.claims[0].text


def test_positions_point_into_file() -> None:
    text = "权利要求书\n1. 一种夹具，包括底座。\n  2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。\n"
    cs = parse_text(text)
    c2 = cs.get(2)
    assert c2 is not None and (c2.line, c2.column) == (3, 3)
    assert c2.subject is not None
    assert text[c2.subject.span.start : c2.subject.span.end] == "夹具"


def test_subject_split_across_lines_keeps_source_span() -> None:
    text = "1. 一种散热\n装置，包括底板。"
    c = parse_text(text).claims[0]
    assert c.subject is not None and c.subject.text == "散热装置"
    assert text[c.subject.span.start : c.subject.span.end] == "散热\n装置"


@pytest.mark.parametrize(
    ("reference", "refs", "mode", "extra"),
    [
        ("根据权利要求1所述的装置", (1,), RefMode.SINGLE, {}),
        ("如权利要求1所述的装置", (1,), RefMode.SINGLE, {}),
        ("权利要求1所述的装置", (1,), RefMode.SINGLE, {}),
        ("按照权利要求2所述的装置", (2,), RefMode.SINGLE, {}),
        ("根据权利要求1或2所述的装置", (1, 2), RefMode.ALTERNATIVE, {}),
        ("根据权利要求1-3中任一项所述的装置", (1, 2, 3), RefMode.ALTERNATIVE, {"any_of": True}),
        ("根据权利要求1至3任一项所述的装置", (1, 2, 3), RefMode.ALTERNATIVE, {"any_of": True}),
        ("根据权利要求1～3中任意一项所述的装置", (1, 2, 3), RefMode.ALTERNATIVE, {"any_of": True}),
        ("根据权利要求1、2或3所述的装置", (1, 2, 3), RefMode.ALTERNATIVE, {}),
        ("根据权利要求1或权利要求2所述的装置", (1, 2), RefMode.ALTERNATIVE, {}),
        ("根据权利要求1和2所述的装置", (1, 2), RefMode.CUMULATIVE, {}),
        ("根据权利要求1及3所述的装置", (1, 3), RefMode.CUMULATIVE, {}),
        ("根据权利要求1和/或2所述的装置", (1, 2), RefMode.CUMULATIVE, {}),
        ("根据权利要求1-3所述的装置", (1, 2, 3), RefMode.CUMULATIVE, {"bare_range": True}),
        ("根据权利要求1、2和3中任一项所述的装置", (1, 2, 3), RefMode.ALTERNATIVE, {"any_of": True}),
        ("根据权利要求3的装置", (3,), RefMode.SINGLE, {}),
        ("如前面权利要求中任一项所述的装置", (1, 2, 3), RefMode.ALTERNATIVE, {"all_preceding": True}),
        ("如前述权利要求任一项所述的装置", (1, 2, 3), RefMode.ALTERNATIVE, {"all_preceding": True}),
        ("根据前述任一项权利要求所述的装置", (1, 2, 3), RefMode.ALTERNATIVE, {"all_preceding": True}),
        ("根据权1所述的装置", (1,), RefMode.SINGLE, {"abbreviated": True}),
        ("如权利要求1中所述的装置", (1,), RefMode.SINGLE, {}),
        ("如权利要求2所述之装置", (2,), RefMode.SINGLE, {}),
    ],
)
def test_reference_forms(reference: str, refs: tuple[int, ...], mode: RefMode, extra: dict[str, bool]) -> None:
    text = (
        "1. 一种装置，包括底板。\n2. 根据权利要求1所述的装置，其特征在于，所述底板为铜制。\n"
        "3. 根据权利要求1所述的装置，其特征在于，所述底板为铝制。\n"
        f"4. {reference}，其特征在于，所述底板为方形。\n"
    )
    c = parse_text(text).get(4)
    assert c is not None
    assert c.kind is Kind.DEPENDENT
    assert c.refs == refs
    assert c.ref_mode is mode
    assert c.subject is not None and c.subject.text == "装置"
    assert c.reference is not None
    for key, value in extra.items():
        assert getattr(c.reference, key) is value


def test_mention_in_body_is_not_a_dependency() -> None:
    cs = parse_text(
        "1. 一种复合材料，包括基体。\n"
        "2. 一种制备权利要求1所述复合材料的方法，包括混合步骤。\n"
        "3. 根据权利要求2所述的方法，其特征在于，所述混合在60℃下进行。\n"
        "4. 根据权利要求1所述的复合材料制成的容器，包括壁部。\n"
    )
    c2, c3, c4 = cs.get(2), cs.get(3), cs.get(4)
    assert c2 is not None and c2.kind is Kind.INDEPENDENT and c2.category is Category.METHOD and c2.mentions == (1,)
    assert c3 is not None and c3.kind is Kind.DEPENDENT and c3.category is Category.METHOD
    assert [r.number for r in cs.roots(c3)] == [2]
    assert c4 is not None and c4.kind is Kind.INDEPENDENT and c4.category is Category.PRODUCT


def test_two_part_form_and_transitions() -> None:
    cs = parse_text(
        "1. 一种散热装置，包括底板和翅片，其特征在于，所述翅片与所述底板一体成型。\n"
        "2. 一种组合物，由A、B和C组成。\n"
        "3. 一种组合物，主要由A和B组成。\n"
        "4. 化合物X在制备杀虫剂中的应用。\n"
    )
    c1, c2, c3, c4 = cs.claims
    assert c1.preamble is not None and c1.preamble.text == "一种散热装置，包括底板和翅片"
    assert c1.characterizing is not None and c1.characterizing.text == "所述翅片与所述底板一体成型"
    assert c1.transition is not None and c1.transition.text == "包括" and c1.transition_type == "open"
    assert c2.transition_type == "closed"
    assert c3.transition_type == "open"
    assert c4.category is Category.USE
    assert c1.category is Category.PRODUCT


def test_graph_helpers() -> None:
    cs = parse_text(
        "1. 一种装置，包括A。\n2. 根据权利要求1所述的装置，还包括B。\n3. 根据权利要求1或2所述的装置，还包括C。\n"
        "4. 根据权利要求3所述的装置，还包括D。\n5. 一种方法，包括步骤E。\n"
    )
    c4 = cs.get(4)
    assert c4 is not None
    assert sorted(a.number for a in cs.ancestors(c4)) == [1, 2, 3]
    assert [[p.number for p in path] for path in cs.paths(c4)] == [[3, 1], [3, 2, 1]]
    assert [r.number for r in cs.roots(c4)] == [1]
    c1 = cs.get(1)
    assert c1 is not None and [k.number for k in cs.children(c1)] == [2, 3]
    assert [c.number for c in cs.independent] == [1, 5]


def test_english_claims() -> None:
    cs = parse_text(
        "1. A device comprising a base.\n2. The device of claim 1, wherein the base is steel.\n"
        "3. The device according to any one of claims 1 to 2, further comprising a lid.\n"
        "4. A method of using the device of claim 1, comprising heating.\n"
    )
    assert [c.refs for c in cs] == [(), (1,), (1, 2), ()]
    c4 = cs.get(4)
    assert c4 is not None and c4.kind is Kind.INDEPENDENT and c4.category is Category.METHOD and c4.mentions == (1,)


def test_directive_lines_are_not_claim_text() -> None:
    cs = parse_text(
        "1. 一种装置，包括A。\n# claimcheck: ignore[unclear-term] 理由\n2. 根据权利要求1所述的装置，例如B。\n"
    )
    assert "claimcheck" not in cs.claims[0].text
    assert len(cs.directives) == 1 and cs.directives[0].claim == 2
