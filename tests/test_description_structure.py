"""Description structure: headings, the paragraph numbers CNIPA prints, figures listed and referred to (W007)."""

from __future__ import annotations

import pytest

from claimcheck.analysis.description import figure_refs, find, listed_figures, listing_figures, referred_figures
from claimcheck.application.split import read_description, section_heading
from claimcheck.lint.config import Config
from claimcheck.lint.engine import lint_text
from claimcheck.model import SourceText


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("技术领域", "field"),
        ("一、技术领域", "field"),
        ("【背景技术】", "background"),
        ("发明内容：", "summary"),
        ("实用新型内容", "summary"),
        ("（四）附图说明", "drawings"),
        ("具 体 实 施 方 式", "embodiments"),
        ("本发明涉及一种夹具。", None),
    ],
)
def test_section_headings(line: str, section: str | None) -> None:
    assert section_heading(line) == section


UNNUMBERED = (
    "夹具\n夹具\n一、技术领域\n本发明涉及一种夹具。\n【背景技术】\n现有夹具不稳。\n发明内容：\n本发明提供一种夹具。\n"
    "附图说明\n图1为主视图；\n图2为俯视图。\n具体实施方式\n如图1所示，夹具包括底座(1)。\n如图3所示，底座1为方形。\n"
)


def test_unnumbered_paragraphs_count_body_paragraphs_only() -> None:
    desc = read_description(SourceText(UNNUMBERED))
    assert desc.title == "夹具"
    assert [(p.cnipa, p.section) for p in desc.paragraphs] == [
        (1, "field"),
        (2, "background"),
        (3, "summary"),
        (4, "drawings"),
        (5, "drawings"),
        (6, "embodiments"),
        (7, "embodiments"),
    ]


def test_printed_numbers_are_used() -> None:
    desc = read_description(SourceText("夹具\n技术领域\n[0001]本发明涉及夹具。\n具体实施方式\n[0012]夹具包括底座。\n"))
    assert [(p.cnipa, p.cite) for p in desc.paragraphs] == [(1, "[0001]"), (12, "[0012]")]


def test_w007_cites_the_cnipa_number() -> None:
    text = "权利要求书\n1. 一种夹具，包括底座。\n说明书\n" + UNNUMBERED + "说明书摘要\n一种夹具。\n"
    found = [d.message_zh for d in lint_text(text, Config(select=["W007"]))]
    assert "说明书提及图3（¶7），但附图说明中没有图3" in found


@pytest.mark.parametrize("dash", [*"-‐‑‒–—－～~", "至", "到", "至图"])
def test_figure_ranges_with_every_dash(dash: str) -> None:
    (ref,) = figure_refs(f"请参阅图1{dash}5，一种配电网故障定点仪")
    assert ref.figures == ("1", "2", "3", "4", "5")


def test_figure_lists_and_letters() -> None:
    assert [r.figures for r in figure_refs("如图3A/3B所示。请看图2，3，9和10。与图1图2和图3相同")] == [
        ("3a", "3b"),
        ("2", "3", "9", "10"),
        ("1", "2", "3"),
    ]
    assert [r.figures for r in figure_refs("图3A-3C")] == [("3a", "3b", "3c")]
    assert listing_figures("图2A是局部放大图；") == ("2a",)
    assert listing_figures("图9和图10分别是侧视图和正视图") == ("9", "10")
    assert listing_figures("如图1所示") == ()


def _w007(drawings: str, body: str) -> list[str]:
    text = (
        "权利要求书\n1. 一种夹具，包括底座。\n说明书\n夹具\n技术领域\n本发明涉及一种夹具。\n"
        f"附图说明\n{drawings}\n具体实施方式\n{body}\n说明书摘要\n一种夹具。\n"
    )
    return [d.message_zh for d in lint_text(text, Config(select=["W007"]))]


def test_w007_reads_a_range_with_a_non_breaking_hyphen() -> None:
    assert (
        _w007(
            "图1为立体图；\n图2为箱盖图；\n图3为箱体图；\n图4为风扇图；\n图5为弹簧图。", "请参阅图1‑5，夹具包括底座。"
        )
        == []
    )


def test_w007_reads_a_figure_with_parts() -> None:
    assert _w007("图3A为主视图；\n图3B为俯视图。", "如图3所示，夹具包括底座。") == []


def test_w007_still_reports_a_figure_never_referred_to() -> None:
    assert _w007("图1为主视图；\n图2为俯视图。", "如图1所示，夹具包括底座。") == [
        "附图说明中列出了图2，但说明书其他部分从未提及图2"
    ]


def test_figure_list_without_a_heading() -> None:
    text = (
        "自行车\n本实用新型是一种自行车。\n现将附图简介如下：\n图1、全车外形结构示意图，比例为1：10。\n"
        "图2是图1的剖视图。\n参照图1，一种前轮〔1〕小的自行车。\n"
    )
    desc = read_description(SourceText(text))
    assert sorted(listed_figures(desc)) == ["1", "2"]
    assert sorted(referred_figures(desc)) == ["1"]


def test_find_ignores_signs() -> None:
    desc = read_description(SourceText("夹具\n技术领域\n底座(1)上装有卡爪2。\n底座〔1〕内有电机。\n"))
    assert [p.cnipa for p in find(desc, "底座上")] == [1]
    assert [p.cnipa for p in find(desc, "底座内")] == [2]


def test_w007_reports_a_figure_missing_from_a_list_that_names_none() -> None:
    assert _w007("下面结合附图对本发明作进一步说明。", "如图1所示，夹具包括底座。") == [
        "说明书提及图1（¶3），但附图说明中没有图1"
    ]


def test_a_figure_referred_to_in_the_background_is_referred_to() -> None:
    from claimcheck.lint.engine import lint_text

    app = (
        "权利要求书\n1. 一种流量传感器，包括检测杆。\n"
        "说明书\n流量传感器\n技术领域\n本实用新型涉及流量传感器。\n背景技术\n目前的均速管流量传感器可见图2，其测量精度低。\n"
        "附图说明\n图1是本实用新型的示意图。\n图2是传统流量计的参考图。\n"
        "具体实施方式\n如图1所示，流量传感器包括检测杆。\n"
    )
    assert not [d for d in lint_text(app) if d.rule == "figure-reference"]
