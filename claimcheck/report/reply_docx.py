"""The reply draft (意见陈述书) as a Chinese Word document on A4.

The page, fonts and title block are the shared ones of :mod:`claimcheck.report.docx_page`.  The document holds
the header fields an agent fills in (申请号, 发明名称, 申请人), the cited documents named 对比文件1, 对比文件2 …
with their publication numbers, the feature comparison table, the examiner's mappings as checked, and the
arguments.  Every label is Chinese.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimcheck.match.chart import FeatureChart
from claimcheck.match.reply import NOTE, Reply, document_names
from claimcheck.report.docx_page import add_title_block, new_document, save

VERDICT_ZH = {"disclosed": "公开", "partial": "部分公开", "not_found": "未公开", "not_compared": "未比对"}


def _cell_text(chart: FeatureChart, feature_id: str, label: str) -> str:
    m = chart.matches[feature_id][label]
    text = VERDICT_ZH[m.verdict]
    if m.verdict in ("disclosed", "partial") and m.passage is not None:
        text += f"\n{m.passage.location}：“{m.passage.text}”"
        if m.translated:
            text += f"\n（译文：“{m.translated}”）"
    return text


def _table(document: Any, rows: list[list[str]], header: bool = True) -> Any:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            if header and r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    return table


def reply_docx(reply: Reply, chart: FeatureChart, path: Path) -> None:
    """Write the reply draft with its feature table to ``path`` (atomically)."""
    document = new_document("zh")
    add_title_block(document, "意见陈述书（草稿）", [(name, pub) for name, pub in reply.documents])
    document.add_paragraph(NOTE)
    _table(document, [[k, v] for k, v in reply.fields.items()], header=False)
    names = reply.names or document_names(chart)
    by_label = {d.label: names[d.label] for d in chart.documents}
    ordered = sorted(chart.documents, key=lambda d: by_label[d.label])
    document.add_heading("特征对比表", level=2)
    rows = [["特征", "内容", *[by_label[d.label] for d in ordered]]]
    for f in chart.features:
        rows.append([f.id, f.text, *[_cell_text(chart, f.id, d.label) for d in ordered]])
    _table(document, rows)
    for s in chart.not_compared():
        document.add_paragraph(f"{by_label[s.label]}：{s.reason_zh}。")
    if reply.checks:
        document.add_heading("审查意见中的对应关系核对", level=2)
        rows = [["审查意见", "特征", "对比文件及所引段落", "所引段落记载", "核对结果"]]
        for c in reply.checks:
            quote = c.cited.passage.text if c.cited is not None and c.cited.passage is not None else ""
            rows.append(
                [
                    f"第{c.assertion.objection}条",
                    f"{c.feature.id} {c.feature.text}",
                    f"对比文件{c.assertion.document}（{c.assertion.where or '全文'}）",
                    quote,
                    c.holds_zh,
                ]
            )
        _table(document, rows)
    for title, body in reply.sections:
        document.add_heading(title, level=2)
        for line in body:
            if line.strip():
                document.add_paragraph(line.strip())
    save(document, path)
