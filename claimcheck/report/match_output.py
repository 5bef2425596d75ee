"""Render a feature comparison table: text, Markdown, HTML, JSON and .docx."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from claimcheck.match.chart import FeatureChart
from claimcheck.outfile import write_atomic

VERDICT_ZH = {"disclosed": "公开", "partial": "部分公开", "not_found": "未公开", "not_compared": "未比对"}
VERDICT_MARK = {"disclosed": "●", "partial": "◐", "not_found": "○", "not_compared": "–"}


def chart_dict(chart: FeatureChart, reply: str | None = None) -> dict[str, Any]:
    """The chart as a JSON-ready object, complete enough to rebuild the table."""
    out: dict[str, Any] = {
        "documents": [_document_dict(chart, d) for d in chart.documents],
        "alignments": {
            label: [
                {"claim_term": a.claim_name, "document_term": a.document_name, "strength": round(a.strength, 3)}
                for a in items
            ]
            for label, items in chart.alignments.items()
            if items
        },
        "features": [],
        "closest_prior_art": {str(a.claim): a.closest for a in chart.analyses},
        "distinguishing_features": {str(a.claim): [f.id for f in a.distinguishing] for a in chart.analyses},
        "amendment_candidates": {str(a.claim): [f.id for f in a.candidates] for a in chart.analyses},
    }
    for f in chart.features:
        matches = []
        for d in chart.documents:
            m = chart.match(f, d.label)
            p = m.passage
            matches.append(
                {
                    "document": d.label,
                    "verdict": m.verdict,
                    "score": round(m.score, 3),
                    "components": {
                        "coverage": round(m.coverage, 3),
                        "bigrams": round(m.bigrams, 3),
                        "fuzzy": round(m.fuzzy, 3),
                    },
                    "passage": p.text if p else None,
                    "translated": m.translated,
                    "shown": [{"term": a, "as": b, "strength": round(s, 3)} for a, b, s in m.shown],
                    "missing": list(m.missing),
                    "reason": m.reason or None,
                    "location": {"paragraph": p.paragraph, "page": p.page, "start": p.span.start, "end": p.span.end}
                    if p
                    else None,
                }
            )
        out["features"].append({"id": f.id, "claim": f.claim, "kind": f.kind, "text": f.text, "matches": matches})
    if reply is not None:
        out["reply"] = reply
    return out


def _document_dict(chart: FeatureChart, d: Any) -> dict[str, Any]:
    st = chart.statuses.get(d.label)
    out: dict[str, Any] = {
        "label": d.label,
        "path": d.path,
        "language": d.language,
        "passages": len(d.passages),
        "publication": d.publication,
        "compared": st.compared if st else True,
        "via": st.via if st else "text",
    }
    if d.translation is not None:
        out["translation"] = d.translation.path
    if st is not None and not st.compared:
        out["reason"] = st.reason_en
        out["reason_zh"] = st.reason_zh
    if st is not None and st.uncovered:
        out["uncovered_features"] = st.uncovered
    return out


def _document_line(chart: FeatureChart, d: Any) -> str:
    st = chart.statuses.get(d.label)
    via = f", {st.via}" if st is not None and st.via not in ("text", "none") else ""
    line = f"{d.label}={Path(d.path).name} ({d.language}{via})"
    if st is not None and not st.compared:
        line += f" — {st.reason_zh} / {st.reason_en}"
    return line


def chart_json(chart: FeatureChart, reply: str | None = None, office_action: dict[str, Any] | None = None) -> str:
    """JSON output (with the office action and its checked mappings when given)."""
    out = chart_dict(chart, reply)
    if office_action is not None:
        out["office_action"] = office_action
    return json.dumps(out, ensure_ascii=False, indent=2)


def office_action_dict(oa: Any, checks: list[Any]) -> dict[str, Any]:
    """The office action as read, and each mapping as checked."""
    return {
        "path": oa.path,
        "application_number": oa.application_number,
        "title": oa.title,
        "applicant": oa.applicant,
        "documents": [{"number": c.number, "publication": c.publication, "date": c.date} for c in oa.documents],
        "objections": [{"number": o.number, "claims": o.claims, "grounds": o.grounds} for o in oa.objections],
        "assertions": [
            {
                "objection": a.objection,
                "kind": a.kind,
                "claims": a.claims,
                "document": a.document,
                "paragraphs": a.paragraphs,
                "where": a.where,
                "text": a.text,
                "line": a.line,
            }
            for a in oa.assertions
        ],
        "checks": [
            {
                "objection": c.assertion.objection,
                "document": c.assertion.document,
                "label": c.document,
                "feature": c.feature.id,
                "holds": c.holds,
                "cited_passage": c.cited.passage.text if c.cited is not None and c.cited.passage is not None else None,
                "cited_location": c.cited.passage.location
                if c.cited is not None and c.cited.passage is not None
                else None,
                "best_passage": c.anywhere.passage.text
                if c.anywhere is not None and c.anywhere.passage is not None
                else None,
                "best_location": c.anywhere.passage.location
                if c.anywhere is not None and c.anywhere.passage is not None
                else None,
            }
            for c in checks
        ],
    }


def office_action_lines(oa: Any, checks: list[Any]) -> list[str]:
    """The office action's mappings, each checked against the cited paragraphs (审查意见核对)."""
    head = f"office action {Path(oa.path).name}: 申请号 {oa.application_number or '-'}, " + ", ".join(
        f"对比文件{c.number}={c.publication}" for c in oa.documents
    )
    lines = [head]
    for c in checks:
        where = c.assertion.where or "whole document"
        cited = c.cited.passage if c.cited is not None else None
        quote = f" “{cited.text[:60]}”" if cited is not None else ""
        lines.append(
            f"  objection {c.assertion.objection}: 对比文件{c.assertion.document} ({where}) → {c.feature.id} "
            f"{c.feature.text}: {c.holds_zh} / {c.holds}{quote}"
        )
    for a in oa.assertions:
        if a.kind == "common_knowledge":
            lines.append(f"  objection {a.objection}: 公知常识 asserted for claims {a.claims}: {a.text[:80]}")
    return lines


def _cell(chart: FeatureChart, fid: str, label: str, width: int = 40) -> str:
    m = chart.matches[fid][label]
    if m.verdict == "not_compared":
        return f"{VERDICT_MARK[m.verdict]} {VERDICT_ZH[m.verdict]}"
    if m.passage is None or m.verdict == "not_found":
        return f"{VERDICT_MARK[m.verdict]} {VERDICT_ZH[m.verdict]} ({m.score:.2f})"
    text = m.passage.text if len(m.passage.text) <= width else m.passage.text[:width] + "…"
    cell = f"{VERDICT_MARK[m.verdict]} {VERDICT_ZH[m.verdict]} ({m.score:.2f}) {m.passage.location} “{text}”"
    if m.translated:
        tr = m.translated if len(m.translated) <= width else m.translated[:width] + "…"
        cell += f"（译文：“{tr}”）"
    return cell


def _summary_lines(chart: FeatureChart) -> list[str]:
    lines = [f"{s.label}: {s.reason_zh} / {s.reason_en}" for s in chart.not_compared()]
    for a in chart.analyses:
        lines.append(f"claim {a.claim}: closest prior art {a.closest or '- (no document could be compared)'}")
        lines.append(
            "  distinguishing features: " + (", ".join(f"{f.id} {f.text}" for f in a.distinguishing) or "none")
        )
        if a.unverified:
            lines.append(
                "  not compared with the closest prior art: " + ", ".join(f"{f.id} {f.text}" for f in a.unverified)
            )
        if a.candidates:
            lines.append(
                "  amendment candidates (disclosed by no document): "
                + ", ".join(f"{f.id} {f.text}" for f in a.candidates)
            )
    return lines


def chart_text(chart: FeatureChart, reply: str | None = None) -> str:
    """The table in the terminal, feature by feature."""
    out = ["documents: " + ", ".join(_document_line(chart, d) for d in chart.documents)]
    for f in chart.features:
        out.append(f"{f.id:<5} {f.text}")
        for d in chart.documents:
            out.append(f"      {d.label}: {_cell(chart, f.id, d.label, 50)}")
    out += _summary_lines(chart)
    out += _alignment_lines(chart)
    if reply:
        out += ["", reply]
    return "\n".join(out)


def _alignment_lines(chart: FeatureChart) -> list[str]:
    """The part names found in each document, for the user to confirm into the glossary."""
    lines = []
    for label, items in chart.alignments.items():
        for a in items:
            lines.append(
                f"  {label}: {a.claim_name} → {a.document_name} ({a.strength:.2f})  --confirm {a.claim_name}={a.document_name}"
            )
    return (
        ["part names aligned by context (confirm into the glossary with --glossary FILE --confirm A=B):", *lines]
        if lines
        else []
    )


def chart_markdown(chart: FeatureChart, reply: str | None = None) -> str:
    """The table as Markdown (特征对比表)."""
    head = "| 特征 | 内容 | " + " | ".join(d.label for d in chart.documents) + " |"
    sep = "|---|---|" + "---|" * len(chart.documents)
    rows = [head, sep]
    for f in chart.features:
        cells = [_cell(chart, f.id, d.label, 60).replace("|", "\\|") for d in chart.documents]
        feature = f.text.replace("|", "\\|")
        rows.append(f"| {f.id} | {feature} | " + " | ".join(cells) + " |")
    out = ["# 特征对比表", "", *rows, "", *[f"- {x}" for x in _summary_lines(chart)]]
    if reply:
        out += ["", "# 意见陈述书（草稿）", "", reply]
    return "\n".join(out)


def chart_html(chart: FeatureChart, reply: str | None = None) -> str:
    """A self-contained HTML page with the table and the reply skeleton."""
    colors = {"disclosed": "#fdd", "partial": "#ffd", "not_found": "#dfd", "not_compared": "#eee"}
    head = "".join(
        f"<th>{html.escape(d.label)}<br><small>{html.escape(Path(d.path).name)}</small></th>" for d in chart.documents
    )
    rows = []
    for f in chart.features:
        cells = []
        for d in chart.documents:
            m = chart.match(f, d.label)
            body = html.escape(VERDICT_ZH[m.verdict]) + f" <small>{m.score:.2f}</small>"
            if m.passage is not None and m.verdict != "not_found":
                body += f"<br><small>{html.escape(m.passage.location)}</small><br>“{html.escape(m.passage.text)}”"
            cells.append(f'<td style="background:{colors[m.verdict]}">{body}</td>')
        rows.append(f"<tr><td>{f.id}</td><td>{html.escape(f.text)}</td>{''.join(cells)}</tr>")
    summary = "".join(f"<li>{html.escape(x)}</li>" for x in _summary_lines(chart))
    reply_html = f"<h2>意见陈述书（草稿）</h2><pre>{html.escape(reply)}</pre>" if reply else ""
    style = "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;font-size:14px}pre{white-space:pre-wrap}"
    return (
        f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>特征对比表</title><style>{style}</style></head>'
        f"<body><h1>特征对比表</h1><table><tr><th>特征</th><th>内容</th>{head}</tr>{''.join(rows)}</table>"
        f"<ul>{summary}</ul>{reply_html}</body></html>"
    )


def _role_zh(label: str) -> str:
    """对比文件1 for D1 (a Chinese page names the cited documents the way an office action does)."""
    return f"对比文件{label[1:]}" if label[:1] == "D" and label[1:].isdigit() else label


def chart_docx(chart: FeatureChart, path: Path, reply: str | None = None) -> None:
    """Write the table (and the reply skeleton) as a Word document."""
    from claimcheck.report.docx_page import add_title_block, new_document

    document = new_document("zh")  # A4, Chinese fonts
    add_title_block(document, "特征对比表", [(_role_zh(d.label), d.path) for d in chart.documents])
    table = document.add_table(rows=1, cols=2 + len(chart.documents))
    table.style = "Table Grid"
    hdr = table.rows[0].cells
    hdr[0].text, hdr[1].text = "特征", "内容"
    for i, d in enumerate(chart.documents):
        hdr[2 + i].text = _role_zh(d.label)
    for f in chart.features:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = f.id, f.text
        for i, d in enumerate(chart.documents):
            cells[2 + i].text = _cell(chart, f.id, d.label, 200)
    for line in _summary_lines(chart):
        document.add_paragraph(line)
    if reply:
        document.add_heading("意见陈述书（草稿）", level=1)
        for line in reply.split("\n"):
            document.add_paragraph(line)
    write_atomic(path, lambda tmp: document.save(str(tmp)))


def features_json(features: list[Any]) -> str:
    """The feature decomposition of ``claimcheck match --features-only`` as JSON."""
    doc = [{"id": f.id, "claim": f.claim, "kind": f.kind, "text": f.text} for f in features]
    return json.dumps({"features": doc}, ensure_ascii=False, indent=2)


def features_text(features: list[Any]) -> str:
    """The feature decomposition, one feature a line: ``1a    [preamble] …``."""
    return "\n".join(f"{f.id:<5} [{f.kind}] {f.text}" for f in features)
