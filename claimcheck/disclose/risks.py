"""The risks a review panel flags first, each with the sentence that raised it and its legal basis.

* ``prior-disclosure``: the result was used, sold, shown or published before filing (已在多个项目中使用, 已发表,
  展会): novelty (专利法 第22条第2款); only a few disclosures keep it within six months (第24条).
* ``withheld-content``: the core is kept back (核心算法不便公开, 保密): the application would not be sufficient
  (专利法 第26条第3款).
* ``excluded-subject``: a pure algorithm, a business method or rules of mental activity (专利法 第25条第1款第(二)项;
  审查指南 第二部分第九章 for algorithm and business-method inventions; 第2条第2款 for the technical solution).
* ``utility-model-mismatch``: a utility model chosen for a method or a material (专利法 第2条第3款).

A sentence about the prior art (in 背景技术, or naming 现有/传统/市面上 without the inventor's own result) raises
nothing: ``现有的清洗机器人已广泛应用于市政管网`` is background, ``本装置已在3个项目中使用`` is a risk.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimcheck.disclose.criteria import Evidence
from claimcheck.disclose.quotes import sentence_of
from claimcheck.disclose.sections import Block, Disclosure

BLOCKING = "blocking"
WARNING = "warning"

SOURCES = {
    "prior-disclosure": "专利法 第22条第2款、第24条",
    "withheld-content": "专利法 第26条第3款",
    "excluded-subject": "专利法 第25条第1款第(二)项、第2条第2款；专利审查指南 第二部分第九章",
    "utility-model-mismatch": "专利法 第2条第3款；专利审查指南 第一部分第二章",
}
KIND_ZH = {
    "prior-disclosure": "申请前公开（使用、销售、发表、展出）",
    "withheld-content": "核心内容未公开",
    "excluded-subject": "可能不属于专利保护客体",
    "utility-model-mismatch": "实用新型不保护方法或材料",
}


@dataclass(frozen=True, slots=True)
class Risk:
    """A risk flag: its kind, how heavily it weighs, the sentence that raised it and the legal basis."""

    kind: str
    severity: str  # "blocking" stops filing until resolved; "warning" is to be checked
    evidence: Evidence  # the whole sentence, verbatim
    source: str
    message: str
    message_en: str
    advice: str
    context: Evidence | None = None  # a second sentence that bears on it (the type chosen, …)


_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]?")
_NEGATION = re.compile(r"(?:未|尚未|没有|并未|从未|不曾|暂未|未曾|无)\S{0,4}$")
_OWN = re.compile(
    r"本发明|本实用新型|本方案|本技术|本产品|本装置|本系统|本设备|本方法|本项目|本成果|我司|我公司|我们|本单位|本团队|课题组|样机|该样机|该成果|该技术方案"
)
_OTHERS = re.compile(r"现有|传统|目前市场|市面上|市场上|已有的|以往|常规|同类产品|国外|竞争对手")

_USE = re.compile(
    r"已(?:经)?(?:在|于|被)[^。；，,]{0,30}?(?:使用|应用|运行|投用|投入使用|投产|试用|推广|部署|安装|实施)"
    r"|已(?:经)?(?:批量|小批量)?(?:投入使用|投入运行|推广应用|正式运行|实际应用|运行了?[0-9一二三四五六七八九十两]+)"
)
_SALE = re.compile(
    r"已(?:经)?(?:批量|小批量)?(?:销售|出售|售出|上市|量产|交付|供货|投放市场|推向市场|投入市场|对外销售|签订[^。；]{0,10}合同)"
    r"|(?:累计|已)?销售[^。；]{0,6}(?:台|套|件|万元|吨)"
)
_PUBLISH = re.compile(
    r"(?:已|已经|并|并已|相关)?(?:发表|刊登|刊发|见刊|录用|公开发表)(?:了|于|在)?"
    r"|(?:论文|文章)[^。；]{0,15}(?:发表|录用|刊出|投稿)"
    r"|(?:学术会议|研讨会|年会|论坛)上[^。；]{0,10}(?:报告|宣讲|介绍|展示|发表)"
    r"|(?:官网|网站|公众号|微信|视频号|抖音|朋友圈)[^。；]{0,6}(?:发布|公开|介绍|宣传|推送)"
)
_SHOW = re.compile(r"展会|展览会|博览会|展销会|交易会|参展|展出|公开演示|现场演示|路演")
_FUTURE = re.compile(r"拟|计划|准备|将于|将在|打算|预计|下个月|明年")

_WITHHELD = re.compile(
    r"不便(?:公开|透露|披露|提供|详述|说明|描述|展开)"
    r"|(?:公司|商业|技术|核心)?(?:机密|秘密)(?!性)"
    r"|保密(?!性|通信|传输|数据|信息|等级|柜|箱|措施的)"
    r"|暂不(?:公开|提供|披露|透露)|不予(?:公开|披露)|不(?:对外)?公开"
    r"|(?:此处|这里|具体)[^。；，]{0,8}(?:从略|省略|略去|略)"
    r"|(?:另行|单独|线下)提供|(?:详见|参见)(?:内部|公司)"
)
_CORE = re.compile(r"核心|关键|具体|算法|配方|参数|工艺|代码|程序|模型|结构|比例|组分|原理|细节|数据")

_BUSINESS = (
    "商业模式",
    "营销",
    "促销",
    "定价",
    "会员",
    "积分",
    "返利",
    "优惠券",
    "折扣",
    "分销",
    "佣金",
    "盈利",
    "经营",
    "管理制度",
    "考核",
    "绩效",
    "排班",
    "收费",
    "保险",
    "理财",
    "广告",
    "客户等级",
    "奖励规则",
    "兑换",
    "消费",
)
_MENTAL = ("规则", "游戏规则", "教学方法", "记忆方法", "计分", "比赛", "心理", "人工判断", "打分")
_ALGORITHM = ("算法", "数学模型", "公式", "权重", "加权", "求解", "评分", "评价指标", "线性回归", "优化模型", "系数")
_TECHNICAL = (
    "传感器",
    "电机",
    "信号",
    "图像",
    "摄像头",
    "温度",
    "压力",
    "电压",
    "电流",
    "振动",
    "采集",
    "执行机构",
    "控制器",
    "伺服",
    "雷达",
    "激光",
    "频率",
    "功率",
    "扭矩",
    "带宽",
    "延迟",
    "时延",
    "内存",
    "存储空间",
    "功耗",
    "缓存",
    "点云",
    "光谱",
    "波形",
    "流量",
    "阀",
    "泵",
    "电路",
    "芯片",
    "硬件",
    "无人机",
    "机器人",
    "设备状态",
    "加速度",
    "坐标",
)

_UM_CHOICE = re.compile(
    r"(?:申请类型|专利类型|申请种类|拟申请|建议申请|申请为|申请)[^。；\n]{0,6}?(?:[：:为]\s*)?(?<!非)实用新型(?!内容)"
)
_METHOD_TITLE = re.compile(r"方法|工艺|制备|制作|加工|处理|检测方法|控制方法")
_STEP = re.compile(r"(?:^|[，。；\s])(?:步骤\s*[0-9一二三四五六七八九十]+|S[0-9]{1,3}|第[一二三四五六七八九十]步)")
_MATERIAL = re.compile(
    r"组合物|配方|重量份|质量份|重量百分比|质量百分比|wt%|原料(?:组成|配比)|合金|涂料|复合材料|浆料|胶黏剂|粘合剂"
)


def _sentences(b: Block) -> Iterator[tuple[int, int]]:
    for m in _SENTENCE.finditer(b.text):
        if m.group(0).strip():
            yield m.start(), m.end()


def _sentence(b: Block, start: int, end: int) -> Evidence:
    a, z = sentence_of(b.text, start, end)
    return Evidence(b.text[a:z], b.line, b.section, b.span.start + a)


def _about_others(b: Block, sentence: str) -> bool:
    """A sentence about the prior art rather than the inventor's own result."""
    if _OWN.search(sentence):
        return False
    return b.section in ("background", "title") or bool(_OTHERS.search(sentence))


def prior_disclosure(d: Disclosure) -> list[Risk]:
    """Use, sale, publication or exhibition of the result before filing."""
    out: list[Risk] = []
    for b in d.blocks:
        for s, e in _sentences(b):
            sentence = b.text[s:e]
            if _about_others(b, sentence):
                continue
            for pattern, what in ((_SALE, "sale"), (_USE, "use"), (_PUBLISH, "publication"), (_SHOW, "exhibition")):
                m = pattern.search(sentence)
                if m is None or _NEGATION.search(sentence[: m.start()][-6:]):
                    continue
                if what == "publication" and not re.search(
                    r"发表|刊|录用|会议|官网|网站|公众号|微信|视频号|抖音|朋友圈", m.group(0)
                ):
                    continue
                future = bool(_FUTURE.search(sentence[: m.start()]))
                ev = _sentence(b, s + m.start(), s + m.end())
                zh = {"sale": "销售", "use": "公开使用", "publication": "发表", "exhibition": "展出"}[what]
                if what in ("exhibition", "publication"):
                    advice = (
                        "请核实公开日期和场合：仅在中国政府主办或承认的国际展览会首次展出、在规定的学术会议或技术会议上首次发表、"
                        "或他人未经同意泄露的，自公开之日起六个月内申请才不丧失新颖性（专利法第24条），其他公开破坏新颖性"
                    )
                else:
                    advice = "请核实首次使用或销售的日期与方式：申请日前的公开使用、销售没有宽限期，可能使本成果丧失新颖性；如属保密状态下的试用，请提供保密约定"
                if future:
                    advice = "请在展出、发表或销售之前提交申请（至少在公开前取得申请日）"
                out.append(
                    Risk(
                        "prior-disclosure",
                        WARNING if future else BLOCKING,
                        ev,
                        SOURCES["prior-disclosure"],
                        f"交底书称成果{'将被' if future else '已被'}{zh}：申请日前的公开可能破坏新颖性",
                        f"the result {'will be' if future else 'was'} disclosed by {what} before filing: novelty at risk",
                        advice,
                    )
                )
                break
    return out


def withheld_content(d: Disclosure) -> list[Risk]:
    """Core content kept back: 核心算法不便公开, 具体配方保密."""
    out: list[Risk] = []
    for b in d.blocks:
        if b.section == "background":
            continue
        for s, e in _sentences(b):
            sentence = b.text[s:e]
            m = _WITHHELD.search(sentence)
            if m is None or not _CORE.search(sentence) or _NEGATION.search(sentence[: m.start()][-4:]):
                continue
            out.append(
                Risk(
                    "withheld-content",
                    BLOCKING,
                    _sentence(b, s + m.start(), s + m.end()),
                    SOURCES["withheld-content"],
                    "核心内容未公开：说明书须清楚、完整地公开发明，使本领域技术人员能够实现，保密的部分不能写入权利要求，也不能支持授权",
                    "core content is withheld: the application must disclose the invention sufficiently for a skilled person to carry it out",
                    "请补充被保留的核心内容（算法步骤、配方比例、关键参数或结构），或与代理人商定以技术秘密保护而不申请专利",
                )
            )
    return out


def _count(text: str, words: tuple[str, ...]) -> int:
    return sum(1 for w in words if w in text)


def excluded_subject(d: Disclosure) -> list[Risk]:
    """Pure algorithms, business methods, rules of mental activity: what the solution is about, not the background."""
    core_blocks = [b for b in d.blocks if b.section in ("problem", "solution", "key-points", "effects", "other")]
    text = (d.title or "") + "\n" + "\n".join(b.text for b in core_blocks)
    technical = _count(text, _TECHNICAL)
    business = _count(text, _BUSINESS) + _count(text, _MENTAL)
    algorithm = _count(text, _ALGORITHM)
    if technical >= 3 or (business < 2 and algorithm < 2):
        return []
    kind = "business" if business >= algorithm else "algorithm"
    words = (_BUSINESS + _MENTAL) if kind == "business" else _ALGORITHM
    best: tuple[int, Block, int, int] | None = None
    preferred = (
        [x for x in core_blocks if x.section == "key-points"],
        [x for x in core_blocks if x.section == "solution"],
    )
    for b in preferred[0] or preferred[1] or core_blocks:
        for s, e in _sentences(b):
            n = _count(b.text[s:e], words)
            if n and (best is None or n > best[0]):
                best = (n, b, s, e)
    if best is None:
        return []
    _, b, s, e = best
    blocking = technical == 0
    what = "商业方法或智力活动规则" if kind == "business" else "单纯的算法或数学方法"
    return [
        Risk(
            "excluded-subject",
            BLOCKING if blocking else WARNING,
            _sentence(b, s, e),
            SOURCES["excluded-subject"],
            f"方案的核心是{what}，{'未见' if blocking else '少见'}技术手段、技术问题和技术效果，可能属于智力活动的规则和方法或不构成技术方案",
            f"the solution is essentially a {'business method or mental rule' if kind == 'business' else 'pure algorithm'}: "
            "excluded or not a technical solution unless tied to technical means and effects",
            "请说明算法或规则处理的是何种技术数据（如传感器信号、图像），由何种硬件执行，解决了什么技术问题、带来什么技术效果（如降低时延、减少内存占用）；"
            "否则建议不申请专利",
        )
    ]


def utility_model_mismatch(d: Disclosure) -> list[Risk]:
    """A utility model chosen for a method or a material."""
    choice: Evidence | None = None
    for b in d.blocks:
        m = _UM_CHOICE.search(b.text)
        if m:
            if re.search(r"(?<!非)发明", b.text.replace("实用新型", "")):
                return []  # 发明+实用新型: the method goes into the invention
            choice = _sentence(b, m.start(), m.end())
            break
    heading_um = "实用新型内容" in d.source.text or d.source.text.count("本实用新型") >= 2
    if choice is None and not heading_um:
        return []
    title = d.title or ""
    body = [b for b in d.blocks if b.section in ("solution", "key-points", "embodiments", "other")]
    conflict: tuple[str, Evidence] | None = None
    steps = sum(len(_STEP.findall(b.text)) for b in body)
    for b in body:
        for s, e in _sentences(b):
            sentence = b.text[s:e]
            if _MATERIAL.search(sentence) and re.search(r"重量份|质量份|百分比|wt%|组成|配比|组分|由.+制成", sentence):
                conflict = ("material", _sentence(b, s, e))
                break
            if (steps >= 2 or _METHOD_TITLE.search(title)) and re.search(r"步骤|方法|工艺", sentence):
                conflict = ("method", _sentence(b, s, e))
                break
        if conflict:
            break
    if conflict is None:
        return []
    what = "方法" if conflict[0] == "method" else "材料或组合物"
    return [
        Risk(
            "utility-model-mismatch",
            BLOCKING,
            conflict[1],
            SOURCES["utility-model-mismatch"],
            f"拟申请实用新型，但方案的核心是{what}：实用新型只保护产品的形状、构造或其结合",
            f"a utility model is chosen, but the solution is a {'method' if conflict[0] == 'method' else 'material'}: "
            "utility models protect only the shape or construction of products",
            "请改为申请发明专利；如该方法使用的装置或产品本身有构造上的改进，可就该构造同日另行申请实用新型",
            choice,
        )
    ]


def find_risks(d: Disclosure) -> list[Risk]:
    """Every risk of a disclosure, blocking ones first, each sentence once per kind."""
    out: list[Risk] = []
    seen: set[tuple[str, int]] = set()
    for check in (prior_disclosure, withheld_content, excluded_subject, utility_model_mismatch):
        for r in check(d):
            key = (r.kind, r.evidence.start)
            if key not in seen:
                seen.add(key)
                out.append(r)
    return sorted(out, key=lambda r: r.severity != BLOCKING)
