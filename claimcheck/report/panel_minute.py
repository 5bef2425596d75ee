"""A review round's export: CSV (one row per disclosure, ranked) and a Chinese .docx minute (预审会议纪要).

Rows are plain mappings (``rank``, ``title``, ``filename``, ``score``, ``combined``, ``verdict``, ``may_draft``,
``risks``, ``plan``, ``means``, ``ratings``, ``decision``, ``requests``) so that any caller, the web page or a
script, can export a round.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

from claimcheck.disclose.risks import KIND_ZH
from claimcheck.disclose.score import VERDICTS
from claimcheck.report.score_output import ROUTE_ZH

DECISION_ZH = {"file": "建议申请", "improve": "完善后申请", "not-file": "不申请"}
RATING_ZH = {"market_demand": "市场需求", "commercial_risk": "商业风险", "grant_prospect": "授权前景"}


def _plan(plan: Mapping[str, Any] | None) -> str:
    if not plan:
        return ""
    types = " + ".join(plan.get("types_zh", [])) + ("（同日申请）" if plan.get("same_day") else "")
    cats = "、".join(c["kind_zh"] for c in plan.get("categories", []))
    return f"{types}；{cats}；{ROUTE_ZH.get(plan.get('route', ''), '')}"


def _decision(d: Mapping[str, Any] | None) -> str:
    if not d:
        return "待定"
    text = DECISION_ZH[d["decision"]]
    if d.get("filing_as"):
        text += f"（{d['filing_as']}）"
    if d.get("pct"):
        text += "，PCT"
    return text


def round_csv(rows: Sequence[Mapping[str, Any]]) -> str:
    """One row per disclosure, in the order given (ranked), with the members' means and the chair's decision."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        [
            "rank",
            "title",
            "file",
            "score",
            "combined",
            "verdict",
            "gates",
            "market_demand",
            "commercial_risk",
            "grant_prospect",
            "ratings",
            "risks",
            "plan",
            "decision",
            "filing_as",
            "pct",
            "requests",
        ]
    )
    for i, r in enumerate(rows, start=1):
        means = r.get("means", {})
        d = r.get("decision") or {}
        w.writerow(
            [
                i,
                r["title"],
                r["filename"],
                r["score"],
                r["combined"],
                r["verdict"],
                "passed" if r["may_draft"] else "not passed",
                means.get("market_demand", ""),
                means.get("commercial_risk", ""),
                means.get("grant_prospect", ""),
                len(r.get("ratings", [])),
                "; ".join(f"{x['kind']}: {x['evidence']}" for x in r.get("risks", [])),
                _plan(r.get("plan")),
                d.get("decision", ""),
                d.get("filing_as", ""),
                "yes" if d.get("pct") else "",
                d.get("requests", ""),
            ]
        )
    return buf.getvalue()


def round_minute(round_name: str, rows: Sequence[Mapping[str, Any]], date: str, members: Sequence[str]) -> bytes:
    """The minute of a review round as .docx bytes: A4, Chinese fonts, one section per disclosure, ranked."""
    from claimcheck.report.docx_page import add_title_block, new_document

    document = new_document("zh")
    add_title_block(
        document,
        f"专利申请预审会议纪要：{round_name}",
        notes=[f"日期：{date}", f"参会专家：{'、'.join(members) or '—'}", f"评审交底书：{len(rows)}份"],
    )
    document.add_heading("一、排序总表", level=2)
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, ("序号", "名称", "完整性得分", "综合得分", "准入", "决定"), strict=True):
        cell.text = head
    for i, r in enumerate(rows, start=1):
        cells = table.add_row().cells
        values = (
            str(i),
            r["title"],
            f"{r['score']:.1f}",
            f"{r['combined']:.1f}",
            "通过" if r["may_draft"] else "未通过",
            _decision(r.get("decision")),
        )
        for cell, v in zip(cells, values, strict=True):
            cell.text = v
    document.add_heading("二、逐项评审意见", level=2)
    for i, r in enumerate(rows, start=1):
        document.add_heading(f"{i}. {r['title']}", level=3)
        document.add_paragraph(
            f"文件：{r['filename']}；完整性得分{r['score']:.1f}（{VERDICTS.get(r['verdict'], r['verdict'])}）；综合得分{r['combined']:.1f}"
        )
        means = r.get("means", {})
        if means:
            document.add_paragraph(
                "专家评分（均值，1–5）："
                + "，".join(f"{RATING_ZH[k]}{v:g}" for k, v in means.items() if k in RATING_ZH)
            )
        for rating in r.get("ratings", []):
            if rating.get("comment"):
                document.add_paragraph(f"{rating['member']}：{rating['comment']}", style="List Bullet")
        for x in r.get("risks", []):
            document.add_paragraph(
                f"风险（{KIND_ZH.get(x['kind'], x['kind'])}）：“{x['evidence']}”——{x['source']}", style="List Bullet"
            )
        if r.get("plan"):
            document.add_paragraph(f"建议申请方案：{_plan(r['plan'])}")
        d = r.get("decision")
        document.add_paragraph(f"决定：{_decision(d)}")
        if d and d.get("requests"):
            document.add_paragraph(f"改进要求：{d['requests']}")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
