"""Render disclosure scores: text, JSON, a self-contained HTML sheet with a chart, and CSV with a ranking."""

from __future__ import annotations

import csv
import html
import io
import json
from typing import Any

from claimcheck.disclose.criteria import SECTION_ZH, Evidence
from claimcheck.disclose.plan import CATEGORY_ZH, TYPE_ZH, FilingPlan
from claimcheck.disclose.prior_art import PriorArtResult
from claimcheck.disclose.risks import KIND_ZH, Risk
from claimcheck.disclose.score import VERDICTS, ScoreReport

PROSPECT_ZH = {"good": "较好", "uncertain": "不确定", "poor": "较差", "unknown": "待检索"}
ROUTE_ZH = {"domestic": "国内申请", "pct": "PCT国际申请"}

CRITERION_ZH = {
    "completeness": "完整性",
    "problem": "技术问题",
    "effects-data": "效果数据",
    "embodiments": "实施例与替代方案",
    "parameters": "参数范围",
    "drawings": "附图",
    "prior-art": "现有技术",
    "key-points": "欲保护点",
    "clarity": "用语清楚",
    "novelty": "新颖性风险",
    "market-demand": "市场需求",
    "commercial-risk": "商业风险",
    "grant-prospect": "授权前景",
}


def _evidence(e: Evidence | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {"quote": e.quote, "line": e.line, "section": e.section, "start": e.start}


def risk_dict(r: Risk) -> dict[str, Any]:
    """A risk flag as JSON: ``evidence`` is the verbatim sentence, ``source`` the legal basis."""
    return {
        "kind": r.kind,
        "kind_zh": KIND_ZH[r.kind],
        "severity": r.severity,
        "evidence": r.evidence.quote,
        "line": r.evidence.line,
        "start": r.evidence.start,
        "source": r.source,
        "message": r.message,
        "message_en": r.message_en,
        "advice": r.advice,
        "context": _evidence(r.context),
    }


def prior_art_dict(p: PriorArtResult | None) -> dict[str, Any]:
    """The key points, the documents closest first with the points they show, the points still new, the prospect."""
    if p is None:
        return {
            "key_points": [],
            "documents": [],
            "closest": None,
            "new_points": [],
            "unverified_points": [],
            "prospect": "unknown",
            "reason": "",
        }
    return {
        "key_points": [_evidence(e) for e in p.points],
        "documents": [
            {
                "name": d.name,
                "shown": [i + 1 for i in d.shown],
                "partial": [i + 1 for i in d.partial],
                "compared": d.compared,
                "not_compared": [i + 1 for i in d.not_compared],
                "reason": d.reason,
                "matches": [
                    {
                        "point": m.point + 1,
                        "verdict": m.verdict,
                        "score": m.score,
                        "passage": m.passage,
                        "location": m.location,
                        "reason": m.reason,
                    }
                    for m in d.matches
                ],
            }
            for d in p.documents
        ],
        "closest": p.closest.name if p.closest else None,
        "new_points": [i + 1 for i in p.new_points] if p.documents else [],
        "unverified_points": [i + 1 for i in p.unverified],
        "prospect": p.prospect,
        "prospect_zh": PROSPECT_ZH[p.prospect],
        "reason": p.reason,
    }


def plan_dict(plan: FilingPlan | None) -> dict[str, Any] | None:
    """The filing plan proposal as JSON."""
    if plan is None:
        return None
    return {
        "types": plan.types,
        "types_zh": [TYPE_ZH[t] for t in plan.types],
        "same_day": plan.same_day,
        "categories": [
            {"kind": c.kind, "kind_zh": CATEGORY_ZH[c.kind], "seed": _evidence(c.seed)} for c in plan.categories
        ],
        "route": plan.route,
        "route_zh": ROUTE_ZH[plan.route],
        "reasons": plan.reasons,
        "abroad_hint": _evidence(plan.abroad_hint),
    }


def plan_text(plan: FilingPlan | None) -> str:
    """The plan in one Chinese line: 发明 + 实用新型（同日申请）；产品、方法；国内申请."""
    if plan is None:
        return ""
    types = " + ".join(TYPE_ZH[t] for t in plan.types) + ("（同日申请）" if plan.same_day else "")
    cats = "、".join(CATEGORY_ZH[c.kind] for c in plan.categories)
    return f"{types}；{cats}；{ROUTE_ZH[plan.route]}"


def score_dict(r: ScoreReport) -> dict[str, Any]:
    """One report as a JSON-ready object."""
    return {
        "path": r.path,
        "title": r.title,
        "score": r.score,
        "verdict": r.verdict,
        "verdict_zh": VERDICTS[r.verdict],
        "criteria": [
            {
                "name": c.result.name,
                "score": round(100 * c.result.score, 1),
                "weight": c.weight,
                "source": c.source,
                "detail": c.result.detail,
                "evidence": [
                    {"quote": e.quote, "line": e.line, "section": e.section, "start": e.start}
                    for e in c.result.evidence
                ],
                "requests": c.result.requests,
            }
            for c in r.criteria
        ],
        "risks": [risk_dict(x) for x in r.risks],
        "gates": {
            "passed": r.may_draft,
            "checks": [{"name": g.name, "passed": g.passed, "reason": g.reason} for g in r.gates],
        },
        "prior_art": prior_art_dict(r.prior_art),
        "filing_plan": plan_dict(r.filing_plan),
        "nearest": [{"document": n, "similarity": round(s, 3)} for n, s in r.nearest],
        "requests": r.requests,
    }


def score_json(reports: list[ScoreReport]) -> str:
    """JSON: one object for one disclosure, else a list with the ranking order."""
    ranked = sorted(reports, key=lambda r: -r.score)
    if len(reports) == 1:
        return json.dumps(score_dict(reports[0]), ensure_ascii=False, indent=2)
    return json.dumps({"disclosures": [score_dict(r) for r in ranked]}, ensure_ascii=False, indent=2)


def score_text(reports: list[ScoreReport]) -> str:
    """A readable scoring sheet per disclosure, and a ranking when several."""
    out: list[str] = []
    for r in reports:
        out.append(
            f"{r.path}: {r.score:.0f}/100 — {VERDICTS[r.verdict]} ({r.verdict})" + (f" — {r.title}" if r.title else "")
        )
        for c in r.criteria:
            name = CRITERION_ZH.get(c.result.name, c.result.name)
            bar = "█" * round(10 * c.result.score) + "·" * (10 - round(10 * c.result.score))
            out.append(f"  {name:<10} {bar} {100 * c.result.score:5.0f}  weight {c.weight:g}  {c.result.detail}")
            for e in c.result.evidence[:2]:
                where = f"line {e.line}" if e.line else e.section
                out.append(f"      “{e.quote}” ({where})")
        for x in r.risks:
            out.append(
                f"  风险 risk [{x.severity}] {KIND_ZH[x.kind]} ({x.kind}): “{x.evidence.quote}” (line {x.evidence.line})"
            )
            out.append(f"      {x.message} — {x.source}")
        gates = "; ".join(f"{g.name} {'✓' if g.passed else '✗'}" for g in r.gates)
        out.append(f"  准入 gates: {'passed' if r.may_draft else 'not passed'} ({gates})")
        if r.prior_art is not None and r.prior_art.documents:
            p = r.prior_art
            out.append(f"  授权前景 prospect: {PROSPECT_ZH[p.prospect]} ({p.prospect}) — {p.reason}")
            for d in p.documents:
                if not d.compared:
                    out.append(f"      {d.name}: {d.reason or '未比对'} (not compared)")
                elif d.not_compared:
                    points = "、".join(str(i + 1) for i in d.not_compared)
                    out.append(f"      {d.name}: 关键点{points} {d.reason} (not compared)")
        if r.filing_plan is not None:
            out.append(f"  申请方案 plan: {plan_text(r.filing_plan)}")
        if r.requests:
            out.append("  改进建议 / requests:")
            out.extend(f"    - {q}" for q in r.requests)
    if len(reports) > 1:
        out.append("ranking:")
        for i, r in enumerate(sorted(reports, key=lambda r: -r.score), start=1):
            out.append(f"  {i:>2}. {r.score:5.1f}  {VERDICTS[r.verdict]}  {r.path}")
    return "\n".join(out)


def score_csv(reports: list[ScoreReport]) -> str:
    """One row per disclosure, best first: rank, path, score, verdict and each criterion's score."""
    names: list[str] = []
    for r in reports:
        for c in r.criteria:
            if c.result.name not in names:
                names.append(c.result.name)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["rank", "path", "title", "score", "verdict", *names, "gates", "risks", "plan"])
    for i, r in enumerate(sorted(reports, key=lambda r: -r.score), start=1):
        by = {c.result.name: round(100 * c.result.score, 1) for c in r.criteria}
        risks = "; ".join(f"{x.kind}: {x.evidence.quote}" for x in r.risks)
        gates = "passed" if r.may_draft else "not passed"
        w.writerow(
            [
                i,
                r.path,
                r.title or "",
                r.score,
                r.verdict,
                *[by.get(n, "") for n in names],
                gates,
                risks,
                plan_text(r.filing_plan),
            ]
        )
    return buf.getvalue().rstrip("\n")


def _chart(r: ScoreReport) -> str:
    """An inline SVG bar chart of the criteria."""
    rows = []
    for i, c in enumerate(r.criteria):
        y = 10 + i * 26
        width = round(300 * c.result.score)
        color = "#2a7" if c.result.score >= 0.75 else "#e90" if c.result.score >= 0.5 else "#d33"
        label = html.escape(CRITERION_ZH.get(c.result.name, c.result.name))
        rows.append(
            f'<text x="0" y="{y + 14}" font-size="13">{label}</text>'
            f'<rect x="130" y="{y}" width="300" height="18" fill="#eee"/>'
            f'<rect x="130" y="{y}" width="{width}" height="18" fill="{color}"/>'
            f'<text x="440" y="{y + 14}" font-size="13">{100 * c.result.score:.0f}</text>'
        )
    height = 20 + 26 * len(r.criteria)
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="480" height="{height}" role="img">{"".join(rows)}</svg>'


def score_html(reports: list[ScoreReport]) -> str:
    """One self-contained HTML page: a sheet per disclosure with its chart, evidence and requests."""
    parts = []
    for r in sorted(reports, key=lambda r: -r.score):
        crit = []
        for c in r.criteria:
            ev = "".join(
                f"<li>“{html.escape(e.quote)}” <small>{('第' + str(e.line) + '行') if e.line else html.escape(e.section)}</small></li>"
                for e in c.result.evidence[:4]
            )
            rq = "".join(f"<li>{html.escape(q)}</li>" for q in c.result.requests)
            crit.append(
                f"<tr><td>{html.escape(CRITERION_ZH.get(c.result.name, c.result.name))}</td><td>{100 * c.result.score:.0f}</td>"
                f"<td>{c.weight:g}</td><td>{html.escape(c.result.detail)}<ul>{ev}</ul></td><td><ul>{rq}</ul></td></tr>"
            )
        risks = "".join(
            f"<li><b>{html.escape(KIND_ZH[x.kind])}</b> “{html.escape(x.evidence.quote)}” <small>第{x.evidence.line}行 · "
            f"{html.escape(x.source)}</small><br>{html.escape(x.message)}</li>"
            for x in r.risks
        )
        risk_list = f"<h3>风险</h3><ul class='risks'>{risks}</ul>" if risks else ""
        plan = f"<p>申请方案：{html.escape(plan_text(r.filing_plan))}</p>" if r.filing_plan else ""
        title = html.escape(r.title or r.path)
        parts.append(
            f"<section><h2>{title}</h2><p class='score'>{r.score:.0f}/100 — <b>{VERDICTS[r.verdict]}</b>"
            f" <small>{html.escape(r.path)}</small></p>{risk_list}{plan}{_chart(r)}"
            "<table><tr><th>评分项</th><th>得分</th><th>权重</th><th>依据</th><th>改进建议</th></tr>"
            + "".join(crit)
            + "</table></section>"
        )
    style = (
        "body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;width:100%;margin-top:1em}"
        "td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;font-size:14px}.score{font-size:20px}"
        "section{margin-bottom:3em}"
    )
    return (
        '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>技术交底书评分</title>'
        f"<style>{style}</style></head><body><h1>技术交底书评分 / Disclosure scores</h1>{''.join(parts)}</body></html>"
    )


__all__ = [
    "PROSPECT_ZH",
    "ROUTE_ZH",
    "SECTION_ZH",
    "plan_dict",
    "plan_text",
    "prior_art_dict",
    "risk_dict",
    "score_csv",
    "score_dict",
    "score_html",
    "score_json",
    "score_text",
]
