"""The draft reply to an office action (意见陈述书), from the feature chart and, when given, the office action.

Per independent claim: novelty (专利法 第22条第2款, one document at a time) and inventiveness (第22条第3款) by
the three-step method of 专利审查指南 第二部分第四章 §3.2.1.1 — (1) the closest prior art, chosen by technical
field and the features it discloses; (2) the distinguishing features and the technical problem they actually
solve, from the description's sentences that state an effect *of those features*; (3) whether the prior art as a
whole suggests them (another document disclosing a feature for the same role, or common general knowledge).
Then the examiner's assertions that the cited passages do not bear out, the dependent claims as fallback
positions, and amendment proposals: features no compared document discloses, each with its basis in the original
application (修改依据) and the checks of 专利法 第33条 and 实施细则 第57条第3款.

A document that could not be compared is named as such and never said not to disclose anything.  Every place the
agent must write or check is marked 【…】; the draft says it is a draft.  The text is Chinese only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimcheck.application.model import Description
from claimcheck.match.chart import FeatureChart, IndependentAnalysis
from claimcheck.match.concepts import units
from claimcheck.match.documents import Document, text_document
from claimcheck.match.features import Feature
from claimcheck.match.office_action import (
    Assertion,
    AssertionCheck,
    OfficeAction,
    check_office_action,
    common_knowledge,
)

# a sentence states an effect: a verb of change or benefit …
_EFFECT = re.compile(
    r"提高|提升|降低|减少|减小|增加|增大|增强|改善|保证|确保|避免|防止|延长|缩短|简化|节省|节约|便于|有利于|使得|从而|"
    r"能够|可以实现|得以|效率|寿命|稳定|可靠|精度|准确"
)
# … and is not the preamble of the technical solution or a statement of purpose
_NOT_EFFECT = re.compile(
    r"为(?:实现|解决|达到)(?:上述|以上|本发明|本实用新型)?|提供(?:如下|以下|一种)|技术方案|目的(?:是|在于)|"
    r"的目的|现有技术中|存在.{0,6}(?:问题|缺陷|不足)"
)
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
_GROUND = {"novelty": "新颖性", "inventiveness": "创造性"}


@dataclass
class Reply:
    """The reply draft: header fields, the cited documents and the arguments, section by section."""

    fields: dict[str, str]
    documents: list[tuple[str, str]]  # (对比文件N, publication number or file name)
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    checks: list[AssertionCheck] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # document label -> 对比文件N

    def text(self) -> str:
        """The draft as plain text."""
        lines = ["意见陈述书（草稿）", "", NOTE, ""]
        lines += [f"{k}：{v}" for k, v in self.fields.items()]
        lines += ["", "对比文件："] + [f"  {n}：{p}" for n, p in self.documents]
        for title, body in self.sections:
            lines += ["", title, *body]
        return "\n".join(lines)


NOTE = (
    "【说明】本草稿由 claimcheck 根据特征对比表自动生成，仅供代理师修改参考；所有结论须经代理师核对对比文件原文后确认。"
)


def _cn(n: int) -> str:
    digits = "一二三四五六七八九十"
    return digits[n - 1] if 1 <= n <= 10 else str(n)


def document_names(chart: FeatureChart, oa: OfficeAction | None = None) -> dict[str, str]:
    """How the reply names each document: 对比文件N (its number in the office action, else its place)."""
    names: dict[str, str] = {}
    for i, d in enumerate(chart.documents, start=1):
        n = i
        if oa is not None:
            from claimcheck.match.office_action import document_for

            for c in oa.documents:
                if document_for(oa, c.number, chart.documents) is d:
                    n = c.number
                    break
        names[d.label] = f"对比文件{n}"
    return names


def _publication(d: Document) -> str:
    from pathlib import Path

    return d.publication or Path(d.path).name


def effect_sentences(
    features: list[Feature], description: Description | None, chart: FeatureChart
) -> list[tuple[str, str]]:
    """Sentences of the description (not its background) that state an effect of these features: (cite, sentence).

    A sentence qualifies when it states an effect (提高, 避免, 便于 …, never 为实现上述目的…提供如下技术方案) and
    names two parts of the features (one when they name only one), as the matcher reads names.
    """
    if description is None or not features:
        return []
    vocab = chart.index.vocab if chart.index is not None else None
    scored: list[tuple[int, str, str]] = []
    wanted = {u.text for f in features for u in units(f.text, vocab) if u.kind == "part"} if vocab else set()
    for p in description.paragraphs:
        if p.section in ("background", "field", "drawings", "signs"):
            continue
        for m in _SENTENCE.finditer(p.text):
            sentence = m.group(0).strip()
            if len(sentence) < 8 or not _EFFECT.search(sentence) or _NOT_EFFECT.search(sentence):
                continue
            doc = text_document("effect", "description", sentence, "zh")
            shown: set[str] = set()
            for f in features:
                shown |= {u for u, _, s in chart.compare(f, doc).shown if s >= 0.8 and u in wanted}
            if len(shown) >= min(2, len(wanted)):
                scored.append((len(shown), p.cite, sentence))
    scored.sort(key=lambda x: -x[0])
    out: list[tuple[str, str]] = []
    for _, cite, sentence in scored:
        if all(s != sentence for _, s in out):
            out.append((cite, sentence))
        if len(out) == 3:
            break
    return out


def _basis(f: Feature, chart: FeatureChart, description: Description | None) -> str:
    """修改依据: the original claim and the description paragraphs that state the feature."""
    where = [f"原权利要求{f.claim}"]
    if description is not None:
        text = "\n".join(p.text for p in description.paragraphs)
        doc = text_document("desc", "description", text, "zh")
        m = chart.compare(f, doc)
        if m.verdict == "disclosed" and m.passage is not None:
            line = text.count("\n", 0, m.passage.span.start)
            if 0 <= line < len(description.paragraphs):
                where.append(f"说明书{description.paragraphs[line].cite}段")
    return "、".join(where)


def _novelty(a: IndependentAnalysis, chart: FeatureChart, names: dict[str, str]) -> list[str]:
    own = [f for f in chart.features if f.claim == a.claim and f.kind != "subject"]
    lines = []
    for d in chart.documents:
        name = names[d.label]
        st = chart.statuses.get(d.label)
        if st is not None and not st.compared:
            lines.append(f"   {name}：{st.reason_zh}，本草稿不对其作出结论。【请代理师核对原文】")
            continue
        missing = [f for f in own if chart.match(f, d.label).verdict == "not_found"]
        partial = [f for f in own if chart.match(f, d.label).verdict == "partial"]
        unknown = [f for f in own if chart.match(f, d.label).verdict == "not_compared"]
        if missing:
            ids = "、".join(f"{f.id}“{f.text}”" for f in missing[:4])
            lines.append(f"   {name}未公开特征{ids}，因此权利要求{a.claim}相对于{name}具备新颖性。")
        elif partial:
            ids = "、".join(f.id for f in partial)
            lines.append(f"   {name}仅部分公开特征{ids}【请核对原文，确认是否存在区别】。")
        else:
            lines.append(
                f"   特征对比表显示{name}公开了权利要求{a.claim}的全部特征【请核对；如确实如此，须修改权利要求】。"
            )
        if unknown:
            lines.append(f"   （特征{'、'.join(f.id for f in unknown)}未能与{name}比对，未作结论。）")
    return lines


def _inventiveness(
    a: IndependentAnalysis,
    chart: FeatureChart,
    names: dict[str, str],
    description: Description | None,
    checks: list[AssertionCheck],
    ck: list[tuple[Assertion, list[Feature]]],
    examiner_closest: str | None = None,
) -> list[str]:
    lines: list[str] = []
    if a.closest is None:
        not_compared = "、".join(f"{names[s.label]}（{s.reason_zh}）" for s in chart.not_compared())
        return [f"   各对比文件均未能比对：{not_compared}。本草稿不作出创造性结论。【请代理师核对原文后撰写】"]
    closest = a.closest
    cname = names[closest]
    own = [f for f in chart.features if f.claim == a.claim and f.kind != "subject"]
    disclosed = [f for f in own if chart.match(f, closest).verdict == "disclosed"]
    field_note = "与本申请属于相同或相近的技术领域，" if a.field_score >= 0.5 else ""
    lines.append(
        f"1. 最接近的现有技术：{cname}。{cname}{field_note}公开了权利要求{a.claim}的{len(disclosed)}个技术特征"
        f"（共{len(own)}个），是与本申请最接近的现有技术："
    )
    if examiner_closest is not None and examiner_closest != cname:
        lines.append(
            f"   （审查员以{examiner_closest}作为最接近的现有技术；特征对比表显示{cname}公开的特征更多【请核对，"
            f"并决定是否接受审查员的选择】。）"
        )
    for f in disclosed:
        m = chart.match(f, closest)
        if m.passage is not None:
            lines.append(f"   {cname}（{m.passage.location}）记载了“{m.passage.text}”，对应特征{f.id}“{f.text}”。")
    if not a.distinguishing:
        lines.append(
            f"2. 区别技术特征：特征对比表显示{cname}公开了权利要求{a.claim}的全部特征【请核对；如确实如此，建议按下文修改建议修改权利要求】。"
        )
        return lines
    ids = "、".join(f.id for f in a.distinguishing)
    lines.append(f"2. 区别技术特征：权利要求{a.claim}与{cname}相比，区别在于特征{ids}：")
    for f in a.distinguishing:
        note = "（部分公开，请核对）" if chart.match(f, closest).verdict == "partial" else ""
        lines.append(f"   {f.id}：“{f.text}”{note}")
    if a.unverified:
        lines.append(f"   （特征{'、'.join(f.id for f in a.unverified)}未能与{cname}比对，未作结论。）")
    effects = effect_sentences(a.distinguishing, description, chart)
    if effects:
        lines.append("   说明书记载了上述区别技术特征的技术效果：")
        lines += [f"   说明书{cite}：“{s}”" for cite, s in effects]
        lines.append("   因此，本申请实际解决的技术问题是：【请根据上述记载概括】。")
    else:
        lines.append(
            "   本申请实际解决的技术问题是：【说明书中未找到明确记载上述区别技术特征效果的语句，请代理师概括】。"
        )
    lines.append("3. 显而易见性：")
    compared = [d for d in chart.compared() if d.label != closest]
    skipped = [names[s.label] for s in chart.not_compared()]
    for f in a.distinguishing:
        others = [m for m in chart.disclosed_anywhere(f) if m.document != closest and m.passage is not None]
        if others:
            m = others[0]
            assert m.passage is not None
            lines.append(
                f"   特征{f.id}：{names[m.document]}（{m.passage.location}）记载了“{m.passage.text}”。"
                f"【请分析该特征在{names[m.document]}中所起的作用与在本申请中是否相同；如不同，则{names[m.document]}未给出技术启示】"
            )
            continue
        said = [names[d.label] for d in compared if chart.match(f, d.label).verdict == "not_found"]
        if said:
            lines.append(f"   特征{f.id}：{'、'.join(said)}均未公开该特征，现有技术未给出将其应用于{cname}的技术启示。")
        else:
            lines.append(f"   特征{f.id}：【请核对其他对比文件是否公开该特征】")
        if skipped:
            lines.append(f"   （{'、'.join(skipped)}未能比对，未作结论。）")
    for c in checks:
        if c.feature.claim != a.claim or c.holds not in ("no", "partly", "elsewhere"):
            continue
        name = f"对比文件{c.assertion.document}"
        where = c.assertion.where or "通知书所引段落"
        seen = c.cited.passage.text if c.cited is not None and c.cited.passage is not None else ""
        if c.holds == "elsewhere" and c.anywhere is not None and c.anywhere.passage is not None:
            lines.append(
                f"   审查员认为{name}公开了特征{c.feature.id}（参见{where}），所引段落并未记载该特征；"
                f"该文献{c.anywhere.passage.location}记载了“{c.anywhere.passage.text}”【请核对】。"
            )
        else:
            quote = f"所引段落记载的是“{seen}”，" if seen else ""
            lines.append(
                f"   审查员认为{name}公开了特征{c.feature.id}“{c.feature.text}”（参见{where}），但{quote}"
                f"并未公开该特征{'（仅部分公开）' if c.holds == 'partly' else ''}。"
            )
    for _assertion, feats in ck:
        mine = [f for f in feats if f.claim == a.claim and f in a.distinguishing]
        if mine:
            lines.append(
                f"   审查员认为特征{'、'.join(f.id for f in mine)}属于本领域的公知常识或常规技术手段，但未提供证据。"
                "根据专利审查指南第二部分第八章第4.10.2.3节，申请人对此有异议，请审查员提供相应证据。【请结合该特征的作用说明理由】"
            )
    lines.append(
        f"   因此，权利要求{a.claim}相对于现有技术具有突出的实质性特点和显著的进步，具备专利法第二十二条第三款规定的创造性。"
    )
    return lines


def _examiner_closest(oa: OfficeAction | None, claim: int) -> str | None:
    """The document the examiner starts from for ``claim``: the first one said to disclose its features."""
    if oa is None:
        return None
    for a in oa.assertions:
        if a.kind == "disclosed" and a.document is not None and claim in a.claims:
            return f"对比文件{a.document}"
    return None


def build_reply(chart: FeatureChart, description: Description | None = None, oa: OfficeAction | None = None) -> Reply:
    """The reply draft for a chart (and the office action it answers)."""
    names = document_names(chart, oa)
    fields = {
        "申请号": (oa.application_number if oa and oa.application_number else "【申请号】"),
        "发明名称": (
            oa.title
            if oa and oa.title
            else (description.title if description and description.title else "【发明名称】")
        ),
        "申请人": (oa.applicant if oa and oa.applicant else "【申请人】"),
    }
    if oa is not None:
        from pathlib import Path

        fields["针对的审查意见通知书"] = Path(oa.path).name
    documents = [(names[d.label], _publication(d)) for d in chart.documents]
    reply = Reply(fields, documents, names=names)
    checks = check_office_action(oa, chart) if oa is not None else []
    ck = common_knowledge(oa, chart) if oa is not None else []
    reply.checks = checks
    # amendments first, as a reply sets them out
    amend: list[str] = []
    for a in chart.analyses:
        for f in a.candidates[:5]:
            amend.append(
                f"   建议将从属权利要求{f.claim}的特征{f.id}“{f.text}”并入权利要求{a.claim}。"
                f"修改依据：{_basis(f, chart, description)}。该修改未超出原说明书和权利要求书记载的范围，符合专利法第三十三条的规定；"
                f"且系针对审查意见通知书指出的缺陷进行的修改，符合专利法实施细则第五十七条第三款的规定。"
            )
    if chart.not_compared():
        amend.append(
            "   （以下对比文件未能比对，上述修改建议未考虑其内容："
            + "、".join(names[s.label] for s in chart.not_compared())
            + "。【请核对】）"
        )
    reply.sections.append(
        ("一、修改说明", amend or ["   【本草稿未提出修改建议；如需修改，请写明修改内容及修改依据】"])
    )
    n = 2
    for a in chart.analyses:
        reply.sections.append(
            (f"{_cn(n)}、关于权利要求{a.claim}的新颖性（专利法第二十二条第二款）", _novelty(a, chart, names))
        )
        n += 1
        reply.sections.append(
            (
                f"{_cn(n)}、关于权利要求{a.claim}的创造性（专利法第二十二条第三款）",
                _inventiveness(a, chart, names, description, checks, ck, _examiner_closest(oa, a.claim)),
            )
        )
        n += 1
    fallback: list[str] = []
    skipped = [names[s.label] for s in chart.not_compared()]
    for a in chart.analyses:
        dependents = sorted(
            {
                k.number
                for k in chart.claims
                if k.number != a.claim and any(r.number == a.claim for r in chart.claims.roots(k))
            }
        )
        for k in dependents:
            feats = [f for f in chart.features if f.claim == k]
            if not feats:
                continue
            free = [
                f
                for f in feats
                if all(m.verdict in ("not_found", "not_compared") for m in chart.matches[f.id].values())
                and any(m.verdict == "not_found" for m in chart.matches[f.id].values())
            ]
            if free:
                caveat = f"（{'、'.join(skipped)}未能比对）" if skipped else ""
                fallback.append(
                    f"   从属权利要求{k}的附加技术特征{'、'.join(f.id for f in free)}未被已比对的对比文件公开{caveat}，"
                    "可作为进一步的退路。"
                )
            else:
                fallback.append(
                    f"   在权利要求{a.claim}具备新颖性和创造性的前提下，从属权利要求{k}也具备新颖性和创造性。"
                )
    if fallback:
        reply.sections.append((f"{_cn(n)}、关于从属权利要求", fallback))
        n += 1
    unheld = [c for c in checks if c.holds in ("no", "partly")]
    if unheld:
        body = [
            f"   对比文件{c.assertion.document}（{c.assertion.where or '全文'}）与特征{c.feature.id}“{c.feature.text}”：{c.holds_zh}。"
            for c in unheld
        ]
        reply.sections.append((f"{_cn(n)}、审查意见中不成立的认定", body))
        n += 1
    reply.sections.append(
        (
            f"{_cn(n)}、结论",
            ["   综上所述，请审查员在上述意见陈述（及修改）的基础上继续审查并早日授权。", "", "【申请人/代理师签章】"],
        )
    )
    return reply


def reply_skeleton(chart: FeatureChart, description: Description | None = None, oa: OfficeAction | None = None) -> str:
    """The reply draft in Chinese as plain text."""
    return build_reply(chart, description, oa).text()


__all__ = ["NOTE", "Reply", "build_reply", "effect_sentences", "reply_skeleton"]
