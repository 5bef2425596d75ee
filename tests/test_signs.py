"""Reference signs and values: the reader, and the rules that use it (W003 reference-numeral, C003 reference-sign)."""

from __future__ import annotations

import pytest

from claimcheck.analysis.numbers import fold, values
from claimcheck.analysis.signs import find_signs, is_sign_content, numeral_names, sign_list, strip_signs
from claimcheck.lint.config import Config
from claimcheck.lint.engine import lint_text
from claimcheck.match.align import plain


def _read(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(s.name, s.numerals) for s in find_signs(text)]


@pytest.mark.parametrize(
    ("text", "signs"),
    [
        ("底座(1)上", [("底座", ("1",))]),
        ("底座（1）上", [("底座", ("1",))]),
        ("前轮〔1〕小、后轮〔2〕大", [("前轮", ("1",)), ("后轮", ("2",))]),
        ("底座【1】和支架[2]", [("底座", ("1",)), ("支架", ("2",))]),
        ("连杆(28、29)与连杆(28,29)", [("连杆", ("28", "29")), ("连杆", ("28", "29"))]),
        ("所述手柄4与第一齿轮12a啮合", [("手柄", ("4",)), ("第一齿轮", ("12a",))]),
        ("齿轮12'的端面", [("齿轮", ("12'",))]),
        ("接收器9、11和13布置成", [("接收器", ("9", "11", "13"))]),
        ("两牵引轮架〔23〕、〔53〕", [("牵引轮架", ("23",)), ("牵引轮架", ("53",))]),
    ],
)
def test_signs_are_read(text: str, signs: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _read(text) == signs


@pytest.mark.parametrize("dash", [*"-‐‑‒–—－～~", "至", "到"])
def test_sign_range_with_every_dash(dash: str) -> None:
    (sign,) = find_signs(f"包括传感器9{dash}13的感测系统")
    assert sign.name == "传感器" and sign.ranged and sign.members == ("9", "10", "11", "12", "13")


@pytest.mark.parametrize(
    "text",
    [
        "变送器输出4-20mA的电流",
        "以1：2.4的齿轮比",
        "中国双速自行车1：2.3",
        "接入3相交流电",
        "添加剂5-8％",
        "加热至20～30℃",
        "满足(1≤n)",
        "长为0.5的杆",
        "于2008年公开",
        "符合GB/T 1234-2008的规定",
        "采用Q235钢",
        "第1级",
        "根据权利要求1所述",
        "如图1所示",
        "步骤1)加热",
        "执行S101",
        "设有3个螺栓",
        "温度20至30",
        "约3倍",
    ],
)
def test_values_and_labels_are_not_signs(text: str) -> None:
    assert find_signs(text) == []


def test_a_number_after_a_sign_list_can_be_a_value() -> None:
    assert _read("底座1、2个螺栓") == [("底座", ("1",))]


def test_values_share_one_definition() -> None:
    text = fold("电流4-20mA，比为1：2.4")
    kinds = {text[v.start : v.end]: v.kind for v in values(text)}
    assert kinds["4-20mA"] == "quantity" and kinds["1：2.4"] == "ratio"


def test_bracket_content() -> None:
    assert is_sign_content("28、29") and is_sign_content("9‑13") and is_sign_content("12a")
    assert not is_sign_content("5mm") and not is_sign_content("1≤n") and not is_sign_content("混凝土")


def test_strip_signs_keeps_values() -> None:
    assert strip_signs("壳体(1)内的电机3接入3相电，车架〔3〕") == "壳体内的电机接入3相电，车架"
    assert plain("采用3相电机，输出4-20mA，壳体(1)") == "采用3相电机，输出4-20mA，壳体"


def test_range_names_the_group_not_each_part() -> None:
    names = numeral_names("传感器9-13之间的距离相等。接收器9、11和13布置成检测，接收器9位于下方。")
    assert names["9"] == {"接收器": 2}


def test_names_listed_together_go_one_by_one() -> None:
    names = numeral_names("设有进、出风口4b、4c。进风口4b一侧，进风口4b上方。")
    assert names["4b"] == {"进风口": 2}


def test_sign_list_reads_every_dash() -> None:
    assert sign_list(["图中：1、箱体；2、卡槽；144‑主动齿轮，15‑防护带"]) == {
        "1": "箱体",
        "2": "卡槽",
        "144": "主动齿轮",
        "15": "防护带",
    }


def _application(claims: str, body: str) -> str:
    return (
        f"权利要求书\n{claims}\n说明书\n夹具\n技术领域\n本发明涉及一种夹具。\n具体实施方式\n{body}\n"
        "说明书摘要\n一种夹具。\n"
    )


def _w003(claims: str, body: str) -> list[str]:
    return [d.message_zh for d in lint_text(_application(claims, body), Config(select=["W003"])) if d.code == "W003"]


@pytest.mark.parametrize(
    "body",
    [
        "底座4上设有变送器，变送器输出4-20mA的信号；底座4为方形，变送器输出4-20mA的电流。",
        "底座1为方形，底座1上装有链轮，普通车1：2.3的齿轮比较小，普通车1：2.3的速度较低。",
        "底座3为方形，底座3上设有电机，电机接入3相电，电机接入3相电后转动。",
        "底座5为方形，底座5内装有涂料，涂料含添加剂5-8％，添加剂5-8％即可。",
        "感测系统包括传感器9-13，传感器9-13之间的距离相等，接收器9位于下方，接收器9检测光线。",
        "底座1为方形，底座1上装有卡爪，卡爪满足(1≤n)，卡爪满足(1≤n)。",
    ],
)
def test_w003_does_not_read_values_as_signs(body: str) -> None:
    assert _w003("1. 一种夹具，包括底座。", body) == []


def test_w003_still_reports_one_numeral_for_two_parts() -> None:
    found = _w003("1. 一种夹具，包括底座。", "底座1为方形，底座1上装有支架1，支架1为钢制。")
    assert found == ["说明书中附图标记1同时用于“底座”和“支架”"]


def test_w003_reads_old_printed_brackets() -> None:
    found = _w003(
        "1. 一种夹具，包括底座(1)和卡爪(3)。", "底座〔1〕上装有卡爪〔2〕，卡爪〔2〕夹紧工件，底座〔1〕为方形。"
    )
    assert found == ["附图标记(3)在说明书中未使用"]


def test_c003_reads_signs_in_any_bracket() -> None:
    found = lint_text(
        "1. 一种夹具，包括底座〔1〕。\n2. 根据权利要求1所述的夹具，所述底座1为方形。\n", Config(select=["C003"])
    )
    assert [(d.claim, d.message_zh) for d in found] == [(2, "附图标记应加括号：“底座1”应写作“底座(1)”")]


def test_c003_accepts_a_sign_pair() -> None:
    assert lint_text("1. 一种夹具，包括连杆(28、29)和底座(1)。\n", Config(select=["C003"])) == []


def test_a_range_written_with_a_run_of_dashes_is_a_value() -> None:
    from claimcheck.analysis.signs import find_signs

    assert [s.name for s in find_signs("接管座4和外管2，输出4---20mA信号")] == ["接管座", "外管"]


def test_ordinals_before_a_shared_name_take_the_numerals_one_by_one() -> None:
    from claimcheck.analysis.signs import claim_signs
    from claimcheck.parse import parse_text

    cs = parse_text("1. 一种吸尘杆，包括第一、第二杆件(1、2)，第一、第二导尘管(3、4)分别固接在其内，底座(5、6)。")
    pairs = [(name, numeral) for _, name, numeral, _ in claim_signs(cs)]
    assert pairs == [
        ("第一杆件", "1"),
        ("第二杆件", "2"),
        ("第一导尘管", "3"),
        ("第二导尘管", "4"),
        ("底座", "5"),
        ("底座", "6"),
    ]
