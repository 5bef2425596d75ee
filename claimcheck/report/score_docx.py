"""The disclosure score sheet as a Chinese .docx (技术交底书评分表): A4, the documents named in a title block.

One section per disclosure: the score and verdict, the filing gates, the criteria with their evidence, the risks
with the verbatim sentence and the legal source, the key points against the prior art, the filing plan and the
requests to the inventor.  Several disclosures are ranked first.  Built on :mod:`claimcheck.report.docx_page`
(python-docx, imported lazily) and written atomically.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from claimcheck.disclose.plan import CATEGORY_ZH, TYPE_ZH, FilingPlan
from claimcheck.disclose.prior_art import PriorArtResult
from claimcheck.disclose.risks import BLOCKING, KIND_ZH
from claimcheck.disclose.score import VERDICTS, ScoreReport
from claimcheck.report.docx_page import add_title_block, document_label, new_document, save
from claimcheck.report.score_output import CRITERION_ZH, PROSPECT_ZH, ROUTE_ZH

GATE_ZH = {"complete": "交底书完整", "key-points": "写明关键点", "no-blocking-risk": "无阻碍申请的风险"}
SEVERITY_ZH = {BLOCKING: "阻碍申请", "warning": "需核实"}
SECTION_NUMBERS = "一二三四五六七八九十"

# the criteria's details (English in the JSON) as the sheet says them
_DETAILS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"(\d+)/(\d+) sections"), lambda m: f"{m[2]}个部分中已写{m[1]}个"),
    (re.compile(r"problem implied by the defects of the background"), lambda m: "技术问题由背景技术所述缺陷推断"),
    (re.compile(r"effects answer the problem: (.*)"), lambda m: f"技术效果回应了技术问题：{m[1]}"),
    (
        re.compile(r"(\d+) measured values, (\d+) quantified comparisons, (\d+) test references"),
        lambda m: f"测量数据{m[1]}项，量化对比{m[2]}处，测试记录{m[3]}处",
    ),
    (re.compile(r"(\d+) embodiment\(s\), (\d+) alternative\(s\)"), lambda m: f"实施例{m[1]}个，替代方案{m[2]}个"),
    (re.compile(r"(\d+) parameter range\(s\)"), lambda m: f"参数范围{m[1]}个"),
    (
        re.compile(r"(\d+) figure description\(s\), (\d+) paragraph\(s\) referring to figures"),
        lambda m: f"附图说明{m[1]}条，结合附图描述的段落{m[2]}段",
    ),
    (
        re.compile(r"(\d+) cited document\(s\), (\d+) stated defect\(s\)"),
        lambda m: f"引用文献{m[1]}篇，所述缺陷{m[2]}处",
    ),
    (
        re.compile(r"(\d+) unclear expression\(s\), ([0-9.]+) per 1,000 characters"),
        lambda m: f"不清楚用语{m[1]}处（每千字{m[2]}处）",
    ),
    (re.compile(r"closest: (.*) \((\d+)% of the key phrases\)"), lambda m: f"最接近：{m[1]}（关键词句重合{m[2]}%）"),
    (re.compile(r"panel: ([0-9.]+)/5"), lambda m: f"专家评分{m[1]}/5"),
]


def detail_zh(detail: str) -> str:
    """A criterion's detail in Chinese; a detail the sheet does not know is left out rather than shown in English.

    >>> detail_zh("1 embodiment(s), 0 alternative(s)")
    '实施例1个，替代方案0个'
    """
    for pattern, say in _DETAILS:
        m = pattern.fullmatch(detail.strip())
        if m:
            return say(m)
    return detail if re.search(r"[\u4e00-\u9fff]", detail) and not re.search(r"[A-Za-z]{3,}", detail) else ""


def _table(document: Any, rows: list[list[str]], widths_mm: Sequence[float] = ()) -> Any:
    """A grid table, its first row the bold header; column widths in millimetres when given."""
    from docx.shared import Mm

    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for column, width in zip(table.columns, widths_mm, strict=False):
        column.width = Mm(width)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            if widths_mm:
                cell.width = Mm(widths_mm[c])
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    return table


def _name(r: ScoreReport) -> str:
    return r.title or document_label(r.path)


def _prior_art_names(reports: Sequence[ScoreReport]) -> list[str]:
    names: list[str] = []
    for r in reports:
        for d in r.prior_art.documents if r.prior_art is not None else ():
            if d.name not in names:
                names.append(d.name)
    return names


def _prior_art(document: Any, p: PriorArtResult | None, roles: dict[str, str]) -> None:
    if p is None or not p.points:
        document.add_paragraph(f"授权前景：待检索。{p.reason if p is not None else ''}")
        return
    document.add_paragraph(f"授权前景：{PROSPECT_ZH[p.prospect]}。{p.reason}")
    new, unverified = set(p.new_points), set(p.unverified)
    for i, point in enumerate(p.points):
        if not p.documents:
            state = "待检索"
        elif i in new:
            state = "未见于所提供的文献"
        elif i in unverified:
            state = "未比对"
        else:
            by = [roles.get(d.name, d.name) for d in p.documents if i in d.shown]
            part = [roles.get(d.name, d.name) for d in p.documents if i in d.partial]
            state = "；".join(
                [*([f"已公开：{'、'.join(by)}"] if by else []), *([f"部分公开：{'、'.join(part)}"] if part else [])]
            )
        document.add_paragraph(f"关键点{i + 1}：“{point.quote}”（第{point.line}行）——{state}", style="List Bullet")
    if not p.documents:
        return
    rows = [["对比文件", "公开的关键点", "部分公开", "未比对"]]
    for d in p.documents:
        role = roles.get(d.name, d.name)
        label = f"{role}（{document_label(d.name)}）" if role != d.name else d.name
        if not d.compared:
            rows.append([label, "—", "—", d.reason or "未比对"])
            continue
        missing = "、".join(str(i + 1) for i in d.not_compared)
        rows.append(
            [
                label,
                "、".join(str(i + 1) for i in d.shown) or "—",
                "、".join(str(i + 1) for i in d.partial) or "—",
                f"{missing}（{d.reason}）" if missing else "—",
            ]
        )
    _table(document, rows, (50, 35, 35, 50))
    for d in p.documents:
        for m in d.matches:
            if m.verdict in ("shown", "partial") and m.passage:
                where = f"{m.location}：" if m.location else ""
                verdict = "公开" if m.verdict == "shown" else "部分公开"
                document.add_paragraph(
                    f"{roles.get(d.name, d.name)}{verdict}关键点{m.point + 1}：{where}“{m.passage}”",
                    style="List Bullet",
                )


def _plan(document: Any, plan: FilingPlan | None) -> None:
    if plan is None:
        document.add_paragraph("无申请方案建议。")
        return
    types = " + ".join(TYPE_ZH[t] for t in plan.types) + ("（同日申请）" if plan.same_day else "")
    document.add_paragraph(f"专利类型：{types}")
    document.add_paragraph(f"申请途径：{ROUTE_ZH[plan.route]}")
    for c in plan.categories:
        seed = f"：依据“{c.seed.quote}”（第{c.seed.line}行）" if c.seed is not None else ""
        document.add_paragraph(f"{CATEGORY_ZH[c.kind]}{seed}", style="List Bullet")
    for reason in plan.reasons:
        document.add_paragraph(f"说明：{reason}", style="List Bullet")
    if plan.abroad_hint is not None:
        document.add_paragraph(
            f"海外市场：“{plan.abroad_hint.quote}”（第{plan.abroad_hint.line}行）", style="List Bullet"
        )


def _sheet(document: Any, r: ScoreReport, roles: dict[str, str], number: str) -> None:
    document.add_heading(f"{number}{_name(r)}", level=2)
    document.add_paragraph(f"文件：{document_label(r.path)}")
    verdict = document.add_paragraph()
    verdict.add_run("完整性得分：").bold = True
    verdict.add_run(f"{r.score:.1f}/100（{VERDICTS[r.verdict]}）")

    document.add_heading("准入条件", level=3)
    document.add_paragraph(f"可否进入撰写：{'可以' if r.may_draft else '暂不可以'}")
    rows = [["条件", "结论", "说明"]]
    rows += [[GATE_ZH.get(g.name, g.name), "通过" if g.passed else "未通过", g.reason] for g in r.gates]
    _table(document, rows, (40, 20, 110))

    document.add_heading("评分项", level=3)
    rows = [["评分项", "得分", "权重", "依据"]]
    for c in r.criteria:
        basis = [detail_zh(c.result.detail)] if detail_zh(c.result.detail) else []
        basis += [f"“{e.quote}”（第{e.line}行）" if e.line else f"“{e.quote}”" for e in c.result.evidence[:2]]
        name = CRITERION_ZH.get(c.result.name, c.result.name) + ("（专家）" if c.source == "panel" else "")
        rows.append([name, f"{100 * c.result.score:.0f}", f"{c.weight:g}", "\n".join(basis) or "—"])
    _table(document, rows, (30, 15, 15, 110))

    document.add_heading("风险", level=3)
    if not r.risks:
        document.add_paragraph("未发现需优先处理的风险。")
    for i, x in enumerate(r.risks, start=1):
        head = document.add_paragraph()
        head.add_run(f"风险{i}：{KIND_ZH[x.kind]}（{SEVERITY_ZH.get(x.severity, x.severity)}）").bold = True
        document.add_paragraph(f"原文（第{x.evidence.line}行）：“{x.evidence.quote}”")
        if x.context is not None:
            document.add_paragraph(f"相关原文（第{x.context.line}行）：“{x.context.quote}”")
        document.add_paragraph(f"法律依据：{x.source}")
        document.add_paragraph(f"说明：{x.message}")
        document.add_paragraph(f"建议：{x.advice}")

    document.add_heading("现有技术与授权前景", level=3)
    _prior_art(document, r.prior_art, roles)

    document.add_heading("申请方案建议", level=3)
    _plan(document, r.filing_plan)

    if r.requests:
        document.add_heading("改进建议", level=3)
        for q in r.requests:
            document.add_paragraph(q, style="List Number")


def score_docx(reports: Sequence[ScoreReport], path: Path) -> None:
    """Write the score sheet of ``reports`` (best first when several) to ``path``, atomically."""
    ranked = sorted(reports, key=lambda r: -r.score)
    names = _prior_art_names(ranked)
    roles = {name: f"对比文件{i}" for i, name in enumerate(names, start=1)}
    document = new_document("zh")
    disclosures: list[tuple[str, str | Path]] = [
        ("技术交底书" if len(ranked) == 1 else f"技术交底书{i}", r.path) for i, r in enumerate(ranked, start=1)
    ]
    add_title_block(
        document,
        "技术交底书评分表",
        [*disclosures, *[(roles[n], n) for n in names]],
        notes=[f"名称：{_name(ranked[0])}"] if len(ranked) == 1 and ranked[0].title else [],
    )
    if len(ranked) > 1:
        document.add_heading("排序", level=2)
        rows = [["序号", "名称", "得分", "结论", "准入"]]
        rows += [
            [str(i), _name(r), f"{r.score:.1f}", VERDICTS[r.verdict], "通过" if r.may_draft else "未通过"]
            for i, r in enumerate(ranked, start=1)
        ]
        _table(document, rows, (15, 75, 20, 35, 25))
    for i, r in enumerate(ranked):
        number = f"{SECTION_NUMBERS[i]}、" if i < len(SECTION_NUMBERS) else f"{i + 1}．"
        _sheet(document, r, roles, number)
    save(document, path)
