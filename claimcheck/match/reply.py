"""The skeleton of a reply to an office action (意见陈述书), following the three-step method.

专利审查指南 第二部分第四章 §3.2.1.1: (1) the closest prior art; (2) the distinguishing features and the
technical problem they actually solve; (3) whether the prior art as a whole suggests them (另一对比文件
公开了该特征且作用相同, or common general knowledge).  The skeleton fills what the comparison table and the
description support and marks every place the agent must write with 【…】.  It is a draft, and says so.
"""

from __future__ import annotations

import re

from claimcheck.application.model import Description
from claimcheck.match.chart import FeatureChart
from claimcheck.match.features import Feature

_EFFECT = re.compile(
    r"[^。；]*(?:提高|提升|降低|减少|增加|改善|保证|避免|防止|延长|缩短|增强|减小|简化|节省|便于|实现)[^。；]*[。；]?"
)


def _effects_for(features: list[Feature], description: Description | None) -> list[tuple[str, str]]:
    """Sentences of the description that state an effect and share words with the features: (cite, sentence)."""
    if description is None:
        return []
    from claimcheck.match.align import tokens

    words = {t for f in features for t in tokens(f.text) if len(t) >= 2}
    scored: list[tuple[int, str, str]] = []
    for p in description.paragraphs:
        if p.section == "background":
            continue
        for m in _EFFECT.finditer(p.text):
            sentence = m.group(0).strip()
            overlap = len(words & set(tokens(sentence)))
            if overlap and len(sentence) >= 8:
                scored.append((overlap, p.cite, sentence))
    scored.sort(key=lambda x: -x[0])
    return [(cite, s) for _, cite, s in scored[:3]]


def reply_skeleton(chart: FeatureChart, description: Description | None = None) -> str:
    """The reply skeleton in Chinese (Markdown-friendly plain text)."""
    lines = [
        "意见陈述书（草稿）",
        "",
        "【说明】本草稿由 claimcheck 根据特征对比表自动生成，仅供代理师修改参考；所有结论须经代理师核对对比文件原文后确认。",
        "",
        "尊敬的审查员：",
        "",
        "申请人认真研究了审查意见通知书，现就权利要求的创造性陈述意见如下。",
    ]
    for n, a in enumerate(chart.analyses, start=1):
        lines += ["", f"{_cn(n)}、关于权利要求{a.claim}的创造性", ""]
        if a.closest is None:
            lines.append("未提供对比文件。")
            continue
        own = [f for f in chart.features if f.claim == a.claim and f.kind != "subject"]
        disclosed = [f for f in own if f not in a.distinguishing]
        lines.append(f"1. 最接近的现有技术：{a.closest}。")
        for f in disclosed:
            m = chart.match(f, a.closest)
            if m.passage is not None:
                lines.append(f"   {a.closest}（{m.passage.location}）公开了特征{f.id}“{f.text}”：“{m.passage.text}”。")
        if not a.distinguishing:
            lines.append(
                f"2. 区别技术特征：特征对比表显示{a.closest}公开了权利要求{a.claim}的全部特征，【请核对；如确实如此，建议修改权利要求，见下文修改建议】。"
            )
        else:
            ids = "、".join(f.id for f in a.distinguishing)
            lines.append(f"2. 区别技术特征：权利要求{a.claim}与{a.closest}相比，区别在于特征{ids}：")
            for f in a.distinguishing:
                m = chart.match(f, a.closest)
                note = "（部分公开，请核对）" if m.verdict == "partial" else ""
                lines.append(f"   {f.id}：“{f.text}”{note}")
            effects = _effects_for(a.distinguishing, description)
            if effects:
                lines.append("   基于上述区别技术特征，本申请实际解决的技术问题是：【请根据下列说明书记载概括】")
                lines += [f"   说明书{cite}：“{s}”" for cite, s in effects]
            else:
                lines.append(
                    "   基于上述区别技术特征，本申请实际解决的技术问题是：【请根据说明书记载的技术效果填写】。"
                )
            lines.append("3. 显而易见性判断：")
            for f in a.distinguishing:
                others = [m for m in chart.disclosed_anywhere(f) if m.document != a.closest]
                passage = others[0].passage if others else None
                if others and passage is not None:
                    m = others[0]
                    lines.append(
                        f"   特征{f.id}：{m.document}（{passage.location}）记载了“{passage.text}”。"
                        f"【请分析该特征在{m.document}中所起的作用与在本申请中是否相同；如不同，则{m.document}未给出技术启示】"
                    )
                else:
                    lines.append(
                        f"   特征{f.id}：各对比文件均未公开该特征，也没有证据表明其属于本领域的公知常识，现有技术未给出技术启示。"
                    )
            lines.append(
                f"   因此，权利要求{a.claim}相对于现有技术具有突出的实质性特点和显著的进步，具备专利法第二十二条第三款规定的创造性。"
            )
        if a.candidates:
            ids = "、".join(f"{f.id}“{f.text}”" for f in a.candidates[:5])
            lines.append(f"修改建议：以下从属权利要求的特征未被任何对比文件公开，可考虑并入权利要求{a.claim}：{ids}。")
    lines += ["", "以上意见，请审查员予以考虑。", "", "【申请人/代理师签章】"]
    return "\n".join(lines)


def _cn(n: int) -> str:
    digits = "一二三四五六七八九十"
    return digits[n - 1] if 1 <= n <= 10 else str(n)


__all__ = ["reply_skeleton"]
