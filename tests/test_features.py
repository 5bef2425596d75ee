"""Claims split into technical features the way an attorney splits them (feature charts, feature counts)."""

from __future__ import annotations

from conftest import CORPUS

from claimcheck.analysis.features import claim_features, feature_count
from claimcheck.lint.config import Config
from claimcheck.lint.engine import lint_claimset
from claimcheck.model import Claim, ClaimSet
from claimcheck.parse import parse_source, parse_text
from claimcheck.readers import read_path


def first(cs: ClaimSet) -> Claim:
    """Claim 1."""
    return next(iter(cs))


def texts(claim: Claim) -> list[str]:
    """The counted features of a claim (the subject left out)."""
    return [f.text for f in claim_features(claim) if f.kind != "subject"]


def test_list_items_and_noun_phrases() -> None:
    cs = parse_text(
        "1. 一种检测装置，包括底座、支架和电机，所述支架上设有温度和湿度传感器，"
        "所述底座上设有与控制器相连的温、湿度显示屏，所述底座上设有进料口和出料口，"
        "所述进料口和出料口分别位于所述底座的两端，所述底座内还包括设置在所述底座和所述支架之间的弹簧。"
    )
    assert texts(first(cs)) == [
        "底座",
        "支架",
        "电机",
        "所述支架上设有温度和湿度传感器",
        "所述底座上设有与控制器相连的温、湿度显示屏",
        "所述底座上设有进料口",
        "出料口",
        "所述进料口和出料口分别位于所述底座的两端",  # one locating statement
        "所述底座内还包括设置在所述底座和所述支架之间的弹簧",
    ]


def test_no_phrase_only_features() -> None:
    cs = parse_text(
        "1. 一种涂层的制备方法，其特征在于，包括以下步骤：\n"
        "S1、按重量份称取环氧树脂和碳化硅粉，混合均匀，得到混合料；\n"
        "S2、将所述混合料喷涂于基体表面，在80℃～120℃下固化2h。\n"
        "2. 根据权利要求1所述的制备方法，其特征在于，所述步骤S2具体为：将所述混合料喷涂两遍。\n"
        "3. 一种夹具，其特征是，包括：底座；压板。\n"
        "4. 根据权利要求1所述的制备方法，其特征在于，步骤S1中，所述环氧树脂与所述碳化硅粉的质量比为4:1。\n"
    )
    by = {c.number: texts(c) for c in cs}
    assert by[1] == [
        "按重量份称取环氧树脂和碳化硅粉，混合均匀，得到混合料",  # a step is one feature
        "将所述混合料喷涂于基体表面，在80℃～120℃下固化2h",
    ]
    assert by[2] == ["将所述混合料喷涂两遍"]
    assert by[3] == ["底座", "压板"]
    assert by[4] == ["步骤S1中，所述环氧树脂与所述碳化硅粉的质量比为4:1"]
    assert feature_count(first(cs)) == 2  # the subject is not counted


def test_numbered_steps_and_continuations() -> None:
    cs = parse_text(
        "1. 一种控制方法，包括以下步骤：1）采集电压，设置阈值；2）判断所述电压是否超过所述阈值，从而确定调节量；"
        "3）输出所述调节量。\n"
        "2. 一种光伏板，包括安装框架(121)，所述安装框架(121)的一侧设有旋转轴(123)，以使光伏板面(2)上下翻转。\n"
    )
    assert texts(first(cs)) == ["采集电压，设置阈值", "判断所述电压是否超过所述阈值，从而确定调节量", "输出所述调节量"]
    assert texts(list(cs)[1]) == ["安装框架(121)", "所述安装框架(121)的一侧设有旋转轴(123)，以使光伏板面(2)上下翻转"]


def test_reference_signs_stay_in_the_text_and_spans_are_verbatim() -> None:
    text = "1. 一种破壳机，包括安装有电动机(13、14)的机架(1)和输送带(6)，所述输送带(6)由电动机(14)驱动。"
    cs = parse_text(text)
    feats = claim_features(first(cs))
    assert [f.text for f in feats if f.kind != "subject"] == [
        "安装有电动机(13、14)的机架(1)",
        "输送带(6)",
        "所述输送带(6)由电动机(14)驱动",
    ]
    assert feats[1].plain == "安装有电动机的机架"
    for f in feats:
        assert text[f.span.start : f.span.end] == f.text


def test_corpus_claim_keeps_terms_whole() -> None:
    """CN101243817A claim 1: 温、湿度传感器 is one feature; no feature ends in the middle of a term."""
    cs = parse_source(read_path(CORPUS / "cn" / "CN101243817A.txt"))
    feats = texts(first(cs))
    assert "茶青处理室内设有与控制系统相连的温、湿度传感器" in feats
    assert "其上料端设有料斗" in feats and "卸料端穿过箱体侧板伸入箱体内上方" in feats
    assert not any(f.endswith("温") or f in ("湿度传感器", "包括", "其特征在于") for f in feats)
    assert len(feats) == 21


def test_narrow_independent_is_advice_quoting_whole_features() -> None:
    cs = parse_source(read_path(CORPUS / "cn" / "CN101243817A.txt"))
    found = [d for d in lint_claimset(cs, Config(select=["narrow-independent"])) if d.rule == "narrow-independent"]
    assert len(found) == 1 and found[0].severity.label == "info"
    assert "技术特征21个" in found[0].message_zh
    assert "“茶青处理室内设有与控制系统相连的温、湿度传感器”" in found[0].message_zh
