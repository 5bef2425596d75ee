"""Transitions told apart three ways, and the a/the structure of an English translation of Chinese claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.parse import parse_text
from claimcheck.translation import compare

DATA = Path(__file__).resolve().parent / "translations"
US_EN = (DATA / "US6672019B1.en.txt").read_text(encoding="utf-8")
US_ZH = (DATA / "US6672019B1.zh.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("zh", "effect"),
    [
        ("每个所述型材体由弹性塑料材料组成", "narrows"),  # consisting essentially of → consisting of
        ("每个所述型材体包括弹性塑料材料", "broadens"),  # consisting essentially of → comprising
        ("每个所述型材体主要由弹性塑料材料组成", None),  # 主要由……组成 renders consisting essentially of too
    ],
)
def test_consisting_essentially_of_against_the_other_two(zh: str, effect: str | None) -> None:
    changed = US_ZH.replace("每个所述型材体基本上由弹性塑料材料组成", zh)
    assert changed != US_ZH
    found = [f for f in compare(parse_text(US_EN), parse_text(changed)) if f.kind == "transition"]
    if effect is None:
        assert found == []
        return
    assert [f.claim for f in found] == [3]
    f = found[0]
    assert f.message_en.endswith(f"the scope {effect}") and "consisting essentially of" in f.message_en
    assert f.original is not None and f.original.text == "consists essentially of"
    assert f.translation is not None and f.translation.text in zh


def test_open_to_essentially_in_either_direction() -> None:
    en = "1. A composition comprising water and salt.\n"
    zh = "1. 一种组合物，基本上由水和盐组成。\n"
    (f,) = compare(parse_text(en), parse_text(zh))
    assert f.kind == "transition" and f.message_en.endswith("narrows") and "缩小" in f.message_zh
    (g,) = compare(parse_text(zh), parse_text(en))  # the English translation of the Chinese claim broadens it
    assert g.kind == "transition" and g.message_en.endswith("broadens") and "扩大" in g.message_zh
    closed = "1. A composition consisting of water and salt.\n"
    (h,) = compare(parse_text(zh), parse_text(closed))
    assert h.message_en.endswith("narrows")


def _reverse(pub: str, old: str, new: str) -> list[tuple[str, int | None, str, str]]:
    zh = (DATA / "zh-en" / f"{pub}.zh.txt").read_text(encoding="utf-8")
    en = (DATA / "zh-en" / f"{pub}.en.txt").read_text(encoding="utf-8")
    assert en.count(old) == 1
    out = []
    for f in compare(parse_text(zh), parse_text(en.replace(old, new))):
        assert f.original is not None and f.translation is not None
        out.append((f.kind, f.claim, f.original.text, f.translation.text))
    return out


def test_the_where_the_chinese_original_introduces_the_term() -> None:
    found = _reverse("CN218546910U", "a handle (12) is fixedly", "the handle (12) is fixedly")
    assert found == [("antecedent", 1, "把手", "handle")]


def test_a_where_the_chinese_original_says_suoshu() -> None:
    found = _reverse(
        "CN218546910U",
        "at the bottom of the heat dissipation plate (19)",
        "at the bottom of a heat dissipation plate (19)",
    )
    assert found == [("antecedent", 4, "所述散热板", "heat dissipation plate")]


def test_english_of_a_part_named_by_its_owner_is_not_reported() -> None:
    # 动力输出轴 is named for the first time, but "the power output shaft of the electric motor" is correct English
    assert _reverse("CN218546910U", "power output shaft", "power output shaft") == []


def test_description_terms_on_the_command_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimcheck.cli.app import app

    zh_desc = tmp_path / "desc.zh.txt"
    zh_desc.write_text(
        (DATA / "EP3782854A1.desc.zh.txt").read_text(encoding="utf-8").replace("之间的枢轴", "之间的铰轴"),
        encoding="utf-8",
    )
    args = ["translation", str(DATA / "EP3782854A1.zh.txt"), "--original", str(DATA / "EP3782854A1.en.txt")]
    good = [*args, "--description", str(DATA / "EP3782854A1.desc.zh.txt")]
    good += ["--original-description", str(DATA / "EP3782854A1.desc.en.txt")]
    assert CliRunner().invoke(app, good).exit_code == 0
    bad = [*args, "--description", str(zh_desc), "--original-description", str(DATA / "EP3782854A1.desc.en.txt")]
    res = CliRunner().invoke(app, bad)
    assert res.exit_code == 1
    assert "warning description-split (description)" in res.stdout and "“铰轴”" in res.stdout
    assert "desc.zh.txt:9:" in res.stdout and "EP3782854A1.desc.en.txt:9:" in res.stdout  # both quoted where they lie
    alone = CliRunner().invoke(app, [*args, "--description", str(zh_desc)])
    assert alone.exit_code != 0 and "give both descriptions" in str(alone.exception)
