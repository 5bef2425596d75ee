"""Terms with real boundaries: antecedent basis, description support and term consistency read whole terms."""

from __future__ import annotations

from claimcheck.analysis.terms import claim_terms, same_part
from claimcheck.lexicon import Lexicons
from claimcheck.lint.config import Config
from claimcheck.lint.engine import lint_text
from claimcheck.parse import parse_text


def _marks(text: str, rule: str) -> list[tuple[int, str]]:
    found = [d for d in lint_text(text, Config(select=[rule])) if d.rule == rule]
    return sorted((d.claim or 0, text[d.span.start : d.span.end]) for d in found)


def _application(claims: str, description: str) -> str:
    return f"权利要求书\n{claims}\n\n说明书\n钻机\n\n技术领域\n本发明涉及一种钻机。\n\n具体实施方式\n{description}\n\n说明书摘要\n一种钻机。\n"


MECHANICAL = """1. 一种钻孔装置，包括机架、电机、壳体和检测单元，所述机架具备多个安装孔，所述电机固定在所述壳体内，所述检测单元用于检测并报警。
2. 根据权利要求1所述的钻孔装置，其特征在于，所述壳体由铝合金制成，所述壳体较薄的一侧设有散热片。
3. 根据权利要求1所述的钻孔装置，其特征在于，所述检测盲隙小于2mm。
4. 根据权利要求2所述的钻孔装置，其特征在于，所述散热片上设有风扇，所述风扇与所述控制器电连接。
5. 根据权利要求1所述的钻孔装置，其特征在于，还包括齿轮，所述第一齿轮与所述电机连接。
6. 根据权利要求1所述的钻孔装置，其特征在于，所述机架底部设有两个滚轮，所述滚轮之间设有连杆，所述连杆的一端与所述机架铰接。
"""

CHEMICAL = """1. 一种涂料组合物，包括成膜树脂、填料和溶剂，所述成膜树脂选自由环氧树脂、聚氨酯树脂和丙烯酸树脂组成的组，所述填料具备多个微孔。
2. 根据权利要求1所述的涂料组合物，其特征在于，所述溶剂由乙醇和水组成，所述溶剂中乙醇的质量分数为30%~50%，所述乙醇溶液的pH值为6~8。
3. 根据权利要求1所述的涂料组合物，其特征在于，所述固化剂为胺类固化剂。
4. 一种制备权利要求1所述涂料组合物的方法，包括将所述成膜树脂与所述填料混合，得到混合物，将所述混合物加入所述溶剂中，在所述反应釜内搅拌。
5. 根据权利要求4所述的方法，其特征在于，所述搅拌的温度为40～60℃，所述混合物较粘稠时加入所述分散剂。
"""


def test_mechanical_claim_set_planted_defects_only() -> None:
    assert _marks(MECHANICAL, "antecedent-basis") == [
        (3, "所述检测盲隙"),
        (4, "所述控制器"),
        (5, "所述第一齿轮"),
    ]


def test_chemical_claim_set_planted_defects_only() -> None:
    assert _marks(CHEMICAL, "antecedent-basis") == [
        (2, "所述乙醇溶液"),
        (3, "所述固化剂"),
        (4, "所述反应釜"),
        (5, "所述分散剂"),
    ]


def test_term_ends_before_verbs_and_function_words() -> None:
    text = (
        "1. 一种滤芯，包括骨架、滤膜和端盖，所述骨架具备多个通孔，所述滤膜选自由聚丙烯膜和聚酯膜组成的组，"
        "所述端盖由橡胶制成，所述滤膜较薄的部分朝向所述骨架内，所述骨架上设有卡槽。"
    )
    assert _marks(text, "antecedent-basis") == []


def test_basis_is_a_term_not_a_substring() -> None:
    # claim 1 has the verb 检测, not the term 检测盲隙
    text = """1. 一种传感器，包括发射器和接收器，所述接收器用于检测并输出信号。
2. 根据权利要求1所述的传感器，其特征在于，所述检测盲隙小于5cm。"""
    assert _marks(text, "antecedent-basis") == [(2, "所述检测盲隙")]


def test_negated_term_is_no_introduction() -> None:
    text = """1. 一种钻机，包括被驱动装置和钻杆。
2. 根据权利要求1所述的钻机，其特征在于，所述驱动装置为电机。"""
    assert _marks(text, "antecedent-basis") == [(2, "所述驱动装置")]


def test_did_you_mean_offers_whole_terms_only() -> None:
    text = """1. 一种测量装置，包括差压变送器和导压管。
2. 根据权利要求1所述的测量装置，其特征在于，所述压力变送器与所述导压管连接。"""
    found = [d for d in lint_text(text, Config(select=["antecedent-basis"])) if d.rule == "antecedent-basis"]
    assert len(found) == 1
    assert "did you mean '差压变送器'" in found[0].message_en


def test_same_part_rejects_prefixes_that_change_the_meaning() -> None:
    assert not same_part("被驱动装置", "驱动装置")
    assert not same_part("第一齿轮", "第二齿轮")
    assert not same_part("上模板", "下模板")
    assert not same_part("输入轴", "输出轴")
    assert same_part("支撑杆", "杆")
    assert same_part("壳体", "上壳体")


def test_claim_terms_stop_at_verbs_and_skip_method_steps() -> None:
    cs = parse_text(
        """1. 一种分配机，包括外壳和产品供给系统，在检测到用户时启动所述供给系统供纸。
2. 一种钻井方法，包括以下步骤：提升和降下钻杆。"""
    )
    terms = {t.text for t in claim_terms(cs, Lexicons.default())}
    assert "供给系统" in terms
    assert "供给系统供纸" not in terms
    assert "降下钻杆" not in terms


def test_ordinal_label_is_supported_by_its_term() -> None:
    app = _application(
        "1. 一种钻机，包括转盘、固定在所述转盘上的链轮和第二链轮。",
        "钻机包括转盘，转盘上固定有链轮，链轮通过链条驱动另一个链轮。",
    )
    found = [d for d in lint_text(app, Config(select=["description-support"])) if "第二链轮" in d.message_zh]
    assert found == []


def test_term_consistency_never_merges_a_driven_part_into_a_drive_part() -> None:
    app = _application(
        "1. 一种钻机，包括驱动装置和被驱动装置，所述被驱动装置与钻杆连接。",
        "钻机包括驱动装置，驱动装置带动被驱动部件，驱动装置为电机。",
    )
    found = [d for d in lint_text(app, Config(select=["term-consistency"])) if "被驱动装置" in d.message_zh]
    assert found == []


def test_an_introduced_whole_followed_by_an_introduced_part_has_a_basis() -> None:
    """该园区无功调节量: 园区 and 无功调节量 are both introduced; the phrase is the park's adjustment amount."""
    from claimcheck.lint.engine import lint_text

    text = (
        "1. 一种多园区无功电压控制方法，包括：采集各园区逆变器的输出功率，分配总无功调节量；"
        "若电压高于上限，则额外减少该园区无功调节量。\n"
    )
    assert not [d for d in lint_text(text) if d.rule == "antecedent-basis"]


def test_an_inherent_axis_of_an_introduced_part_has_a_basis() -> None:
    from claimcheck.lint.engine import lint_text

    text = "1. 一种传动装置，包括蜗杆和蜗轮。\n2. 根据权利要求1所述的传动装置，其特征在于，所述的蜗杆轴心线水平设置。\n"
    assert not [d for d in lint_text(text) if d.rule == "antecedent-basis"]


def test_support_for_a_means_name_given_without_its_generic_head_is_info() -> None:
    from claimcheck.lint.engine import lint_text
    from claimcheck.model.diagnostic import Severity

    app = (
        "权利要求书\n1. 一种钻机，包括井架和细长杆装置，所述细长杆装置设于井架上。\n"
        "说明书\n钻机\n技术领域\n本发明涉及一种钻机。\n具体实施方式\n钻机包括井架和细长杆，细长杆固定于井架的顶部。\n"
    )
    found = [d for d in lint_text(app) if d.rule == "description-support" and "细长杆装置" in d.message_zh]
    assert found and all(d.severity is Severity.INFO for d in found)
    assert "细长杆" in found[0].message_zh


def test_read_ends_a_term_at_its_noun_not_at_a_verb_or_soft_stop() -> None:
    from claimcheck.analysis.terms import read, whole_of

    lex = Lexicons.default()
    step = "制备方法|将载体干燥后，在氢气气氛中还原，得到催化剂。"
    assert read("还原温度为300℃", step, lex) == read("还原温度为300℃", "", lex)
    assert read("还原温度为300℃", step, lex).term == "还原温度"
    assert read("激光雷达采集的点云数据", "", lex).term == "激光雷达"
    assert read("室内温度与设定温度的差值", "", lex).term == "室内温度"
    # a verb right before 包括 ends a longer term; before 为 it may be a predicate (改变为)
    assert not read("线路保护包括过电流保护", "包括电源和连接线路", lex).ok
    rate = "所述传感器系统布置成以第一扫描速率并且还以第二扫描速率扫描"
    assert read("第一扫描速率改变为第二扫描速率", rate, lex).ok
    assert read("排出口达大约50cm的位置", "包括排出口", lex).ok
    # a segmenter's guess (三防布/v) is no verb of the dictionary
    assert read("第二柔性三防布一边与所述门形架连接", "包括第二柔性三防布和门形架", lex).ok
    assert whole_of("锁体外壳由铝合金压铸成型", "包括锁体、锁舌和电磁铁", lex) == "锁体"
    assert whole_of("纸张部分", "包括纸张", lex) == ""
    assert whole_of("检测盲隙小于5cm", "所述接收器用于检测并输出信号", lex) == ""


def test_did_you_mean_offers_a_term_differing_only_by_its_head_never_a_contrasting_one() -> None:
    from claimcheck.analysis.terms import head_variant

    lex = Lexicons.default()
    assert head_variant("被驱动系统", ["驱动装置", "被驱动装置", "钻杆"], lex) == "被驱动装置"
    assert head_variant("驱动系统", ["被驱动装置"], lex) is None
    assert head_variant("第一驱动系统", ["第二驱动装置"], lex) is None
    text = """1. 一种钻机，包括驱动装置和被驱动装置。
2. 根据权利要求1所述的钻机，其特征在于，所述被驱动系统包括链轮。"""
    found = [d for d in lint_text(text, Config(select=["antecedent-basis"])) if d.rule == "antecedent-basis"]
    assert len(found) == 1 and "did you mean '被驱动装置'" in found[0].message_en


def test_readme_lint_example_is_current() -> None:
    from cli_inprocess import run
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ claimcheck lint ", 1)[1].split("```", 1)[0]
    command, *shown = block.splitlines()
    real = run("lint", "--color", "never", *command.split(), cwd=ROOT).stdout.splitlines()
    assert shown and all(line.strip() == "…" or line in real for line in shown), shown
