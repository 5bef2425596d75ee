"""A filing plan proposal from the disclosure's content: which patent types, which claim categories, which route.

* Types: a product whose improvement is its construction may go as a utility model (quick grant) and an invention
  filed the same day (专利法 第9条第1款, 细则 第47条第2款); a method, a material or an algorithm only as an invention
  (专利法 第2条第3款).
* Claim categories: the same technical solution from different angles: the product, the process of making or using
  it, its use; for a computer-implemented solution the method, the device or system and the storage medium
  (审查指南 第二部分第九章).  Each category cites the sentence of the disclosure that seeds it.
* Route: domestic, or PCT when the panel says so (the result is to be protected abroad); a disclosure that speaks of
  export or foreign markets is flagged for the panel to decide.  A Chinese result filed abroad first needs the
  confidentiality examination (专利法 第19条).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimcheck.disclose.criteria import Evidence
from claimcheck.disclose.quotes import sentence_of
from claimcheck.disclose.risks import Risk
from claimcheck.disclose.sections import Block, Disclosure

TYPE_ZH = {"invention": "发明", "utility-model": "实用新型"}
CATEGORY_ZH = {
    "product": "产品权利要求（结构）",
    "composition": "产品权利要求（组合物/材料）",
    "process": "方法权利要求（制备或工作方法）",
    "use": "用途权利要求",
    "system": "装置/系统权利要求",
    "medium": "计算机可读存储介质权利要求",
}

_STRUCTURE = re.compile(
    r"(?:包括|包含|设有|设置有|安装有|连接有|固定有|套设有|铰接|固定连接|转动连接|滑动连接|可拆卸连接|焊接|开设有)"
    r"[^。；]{0,30}?(?:座|架|板|壳|体|杆|轴|轮|套|管|块|件|机构|组件|腔|槽|孔|盖|弹簧|齿轮|电机|支架|导轨)"
)
_STEP = re.compile(r"步骤\s*[0-9一二三四五六七八九十]+|S[0-9]{1,3}|第[一二三四五六七八九十]步|[0-9][)）]\s*将")
_METHOD = re.compile(r"方法|工艺|制备|加工步骤|包括以下步骤")
_MATERIAL = re.compile(
    r"组合物|配方|重量份|质量份|重量百分比|质量百分比|wt%|原料|合金|涂料|复合材料|浆料|胶黏剂|粘合剂"
)
_USE = re.compile(r"(?:用于|应用于|用作|在[^。；，]{1,16}[中上]的(?:应用|用途))")
_COMPUTER = re.compile(r"算法|程序|服务器|处理器|模型|神经网络|软件|终端|计算机|云平台|数据库")
_ABROAD = re.compile(r"出口|海外|国外市场|国际市场|欧美|欧洲|美国|日本|东南亚|一带一路|境外")


@dataclass(frozen=True, slots=True)
class Category:
    """A claim category to draft and the sentence of the disclosure it comes from."""

    kind: str
    seed: Evidence | None


@dataclass
class FilingPlan:
    """The proposal: patent types, same-day filing, claim categories, route and the reasons."""

    types: list[str]
    same_day: bool
    categories: list[Category]
    route: str  # domestic, pct
    reasons: list[str] = field(default_factory=list)
    abroad_hint: Evidence | None = None


def _first(d: Disclosure, pattern: re.Pattern[str], sections: tuple[str, ...]) -> Evidence | None:
    blocks: list[Block] = [b for b in d.blocks if b.section in sections]
    for b in blocks:
        m = pattern.search(b.text)
        if m:
            a, z = sentence_of(b.text, m.start(), m.end(), 120)
            return Evidence(b.text[a:z], b.line, b.section, b.span.start + a)
    return None


def propose_plan(d: Disclosure, risks: list[Risk], pct: bool | None = None) -> FilingPlan:
    """The filing plan for a disclosure, given its risks and the panel's choice of route (``pct``)."""
    own = ("solution", "key-points", "embodiments", "problem", "effects", "other")
    title = d.title or ""
    solution = "\n".join(b.text for b in d.blocks if b.section in own)
    structure = _first(d, _STRUCTURE, own) if len(_STRUCTURE.findall(solution)) >= 2 else None
    steps = len(_STEP.findall(solution))
    method = _first(d, _STEP, own) if steps >= 2 else None
    if method is None and _METHOD.search(title):
        method = _first(d, _METHOD, own)
    material = _first(d, re.compile(r"重量份|质量份|重量百分比|质量百分比|wt%|组分|配比"), own)
    if material is None and _MATERIAL.search(title):
        material = _first(d, _MATERIAL, own)
    computer = bool(_COMPUTER.search(title + solution)) and structure is None and material is None
    categories: list[Category] = []
    reasons: list[str] = []
    if material is not None:
        categories.append(Category("composition", material))
        if method is not None or re.search(r"制备|制作|生产", solution):
            categories.append(Category("process", method or _first(d, re.compile(r"制备|制作|生产"), own)))
        use = _first(d, _USE, own)
        if use is not None:
            categories.append(Category("use", use))
        reasons.append("材料或组合物只能申请发明；以组合物、制备方法和用途从不同角度保护同一技术方案")
    elif computer:
        categories.append(Category("process", method or _first(d, _COMPUTER, own)))
        categories.append(Category("system", _first(d, re.compile(r"系统|装置|设备|服务器|终端"), own)))
        categories.append(Category("medium", None))
        reasons.append(
            "计算机实施的方案只能申请发明；以方法、装置/系统和存储介质三类权利要求保护（审查指南第二部分第九章）"
        )
    else:
        if structure is not None:
            categories.append(Category("product", structure))
        if method is not None:
            categories.append(Category("process", method))
        if structure is None and method is None:
            categories.append(Category("product", _first(d, re.compile(r"[^。]{4,}"), ("solution", "key-points"))))
    types: list[str]
    same_day = False
    blocked_um = any(r.kind == "utility-model-mismatch" for r in risks)
    if material is not None or computer or (method is not None and structure is None):
        types = ["invention"]
        if blocked_um:
            reasons.append("交底书拟申请实用新型，但方法或材料不属于实用新型保护客体，应改为发明")
    elif structure is not None:
        types = ["invention", "utility-model"]
        same_day = True
        reasons.append(
            "产品的构造改进可同日申请实用新型和发明（专利法第9条第1款、细则第47条第2款）：实用新型尽快授权，发明取得更长保护期"
        )
        if method is not None:
            reasons.append("方法权利要求只能写入发明申请")
    else:
        types = ["invention"]
    abroad = _first(d, _ABROAD, (*own, "background", "field"))
    if pct:
        route = "pct"
        reasons.append(
            "专家组决定海外布局：在首次申请日起12个月内提交PCT申请（要求优先权）；在中国完成的发明向外国申请前须经保密审查（专利法第19条）"
        )
    else:
        route = "domestic"
        if abroad is not None:
            reasons.append("交底书提到海外市场，请专家组决定是否提交PCT申请")
    return FilingPlan(types, same_day, categories, route, reasons, abroad)
