"""Unclear wording is read as words in context, never as substrings (unclear-term, C001)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from claimcheck.analysis.wording import unclear_wording
from claimcheck.lexicon import Lexicons
from claimcheck.lint.config import Config
from claimcheck.lint.engine import lint_text


def marks(text: str) -> list[str]:
    """The unclear words found in ``text``."""
    return [text[h.start : h.end] for h in unclear_wording(text, Lexicons.default())]


@pytest.mark.parametrize(
    "text",
    [
        "1、一种B阶段环氧树脂溶液，其特征在于由环氧树脂、甲苯和丙酮组成，其组分配比如下：环氧树脂60份",  # 配比|如下
        "所述纸张可以抵着它相对于所述切割装置运动",  # capability, not an option
        "所述套筒可以在所述方钻杆上垂直移动",
        "所述搅拌轴可以转动",
        "绘制所述温度、压力的等值线",  # 等值线 is one word
        "所述第一电极、第二电极等电势设置",
        "加热、保温并逐渐提高温度",  # 提高|温度 holds no 高温
        "所述炉体的最高温度由热电偶检测",  # 最高|温度
    ],
)
def test_a_substring_is_no_word(text: str) -> None:
    assert marks(text) == []


def test_true_readings() -> None:
    assert marks("检测出处于离所述排出口大约达25cm的位置处") == ["大约达"]
    assert marks("所述间距优选为4-5cm，最优选为5cm") == ["优选为", "最优选为"]
    assert marks("所述第一发射频率优选大约为15kHz±0.5%") == ["优选", "大约为"]
    assert marks("所述反应在高温高压下进行") == ["高温", "高压"]
    assert marks("所述驱动装置包括电机等部件") == ["等"]  # 等 after a generic head closes a list
    assert marks("所述气体为氮气、氩气等惰性气体") == ["等"]
    assert marks("所述工作端可以是钳式、镊式或剪式") == ["可以"]
    assert marks("所述壳体内还可以包括风扇") == ["可以"]
    assert marks("所述隔板较薄") == ["较薄"]


def test_compounds_and_defined_values_are_not_flagged() -> None:
    for text in (
        "采用等离子体喷涂",
        "两者的长度相等",
        "所述A的数目等于B的数目",
        "将所述圆周等分为六份",
        "所述盖板受约束",
        "在800℃以上的高温下烧结",
        "所述A、B等比例混合",
        "所述第一、第二支腿的长度不可以为零",
        "所述第一电极、第二电极等截面设置",
    ):
        assert marks(text) == [], text


CLAIMS = """\
1. 一种耐磨复合涂层的制备方法，其特征在于，包括以下步骤：
S1、按重量份称取原料，其组分配比如下：环氧树脂60～80份、碳化硅粉10～20份、固化剂5～8份；
S2、将所述碳化硅粉置于等离子体处理室中处理10～30min；
S3、将步骤S2处理后的碳化硅粉与所述环氧树脂混合，在高温下搅拌均匀，得到混合料；
S4、将所述混合料喷涂于基体表面，在80℃～120℃的高温下固化2～4h，得到所述耐磨复合涂层。
2. 根据权利要求1所述的制备方法，其特征在于，所述固化剂为乙二胺、二乙烯三胺等胺类固化剂。
3. 根据权利要求1所述的制备方法，其特征在于，步骤S2中，等离子体的功率约为300W。
4. 根据权利要求1所述的制备方法，其特征在于，步骤S3中，所述混合在搅拌釜中进行，所述搅拌釜的搅拌轴可以转动，且可以沿竖直方向升降。
5. 根据权利要求1所述的制备方法，其特征在于，所述环氧树脂与所述碳化硅粉的质量比优选为4:1。
6. 根据权利要求1所述的制备方法，其特征在于，所述基体为钢板，所述钢板受约束地固定于夹具上，所述耐磨复合涂层在所述钢板两面的厚度相等。
7. 根据权利要求1所述的制备方法，其特征在于，步骤S3中，搅拌的同时逐渐提高温度，直至所述混合料的黏度不再下降。
8. 根据权利要求1所述的制备方法，其特征在于，所述碳化硅粉的粒径为1μm～5μm，所述碳化硅粉可以是α-碳化硅或β-碳化硅。
9. 一种耐磨复合涂层，其特征在于，采用权利要求1-8任一项所述的制备方法制得。
10. 根据权利要求9所述的耐磨复合涂层，其特征在于，所述耐磨复合涂层的厚度为50μm～200μm，所述耐磨复合涂层的硬度高于所述基体的硬度。
"""


def test_a_drafted_claim_set_gets_exactly_the_planted_findings() -> None:
    """Planted: 高温 without a value, a list ending in 等, 约为, 优选为, 可以是 (info).

    Traps: 配比如下, 等离子体, 高温 with a value, 可以转动, 受约束, 相等, 提高温度.
    """
    found = [d for d in lint_text(CLAIMS, Config(select=["unclear-term"])) if d.rule == "unclear-term"]
    got = [(d.claim, CLAIMS[d.span.start : d.span.end], d.severity.label) for d in found]
    assert got == [
        (1, "高温", "warning"),
        (2, "等", "warning"),
        (3, "约为", "warning"),
        (5, "优选为", "warning"),
        (8, "可以", "info"),
    ]


def test_segmentation_is_loaded_only_when_a_trigger_matched() -> None:
    code = (
        "import sys\n"
        "from claimcheck.analysis.wording import unclear_wording\n"
        "from claimcheck.lexicon import Lexicons\n"
        "assert unclear_wording('一种夹具，包括底座和设置在所述底座上的压板。', Lexicons.default()) == []\n"
        "assert 'rjieba.rjieba' not in sys.modules\n"
        "assert unclear_wording('所述底座优选为钢制。', Lexicons.default())\n"
        "assert 'rjieba.rjieba' in sys.modules and 'rjieba' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
