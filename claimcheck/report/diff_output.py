"""Render a claim diff: terminal text, JSON and a self-contained HTML page."""

from __future__ import annotations

import html
import json
from typing import Any

from claimcheck.diff import ClaimChange

_STATUS_ZH = {
    "unchanged": "未修改",
    "renumbered": "仅编号变化",
    "changed": "已修改",
    "added": "新增",
    "deleted": "删除",
}


def _label(ch: ClaimChange) -> str:
    if ch.new is None:
        assert ch.old is not None
        return f"old claim {ch.old.number}"
    if ch.old is None:
        return f"claim {ch.new.number} (new)"
    if ch.old.number == ch.new.number:
        return f"claim {ch.new.number}"
    return f"claim {ch.new.number} (was {ch.old.number})"


def diff_text(changes: list[ClaimChange], color: bool = False) -> str:
    """Terminal output: one block per claim, removed text as [-…-], added as {+…+} (coloured on a terminal)."""
    out: list[str] = []
    for ch in changes:
        out.append(f"{_label(ch)}: {ch.status} {_STATUS_ZH[ch.status]}")
        if ch.dependency is not None:
            out.append(f"    SCOPE: {ch.dependency.describe('zh')} / {ch.dependency.describe('en')}")
        if ch.status in ("changed", "added", "deleted"):
            line = []
            for c in ch.chunks:
                if c.op == "equal":
                    line.append(c.text)
                elif c.op == "insert":
                    line.append(f"\x1b[32m{c.text}\x1b[0m" if color else "{+" + c.text + "+}")
                else:
                    line.append(f"\x1b[31;9m{c.text}\x1b[0m" if color else "[-" + c.text + "-]")
            out.append("    " + "".join(line))
        for lk in ch.lookups:
            if lk.found:
                out.append(f"    found    “{lk.feature}” in {lk.where}: “{lk.passage}”")
            else:
                out.append(
                    f"    ADDED MATTER? “{lk.feature}” is in neither the original claims nor the description "
                    f"(closest {lk.where}, {lk.score:.0f}%: “{lk.passage}”) — 专利法 第33条"
                )
    counts: dict[str, int] = {}
    for ch in changes:
        counts[ch.status] = counts.get(ch.status, 0) + 1
    flagged = sum(1 for ch in changes for lk in ch.lookups if not lk.found)
    summary = ", ".join(f"{n} {s}" for s, n in counts.items())
    out.append(f"summary: {summary}" + (f"; {flagged} added feature(s) not found in the original" if flagged else ""))
    return "\n".join(out)


def diff_dict(changes: list[ClaimChange]) -> dict[str, Any]:
    """The diff as a JSON-ready object."""
    return {
        "claims": [
            {
                "new": ch.new.number if ch.new else None,
                "old": ch.old.number if ch.old else None,
                "status": ch.status,
                "similarity": round(ch.similarity, 1),
                "dependency": None
                if ch.dependency is None
                else {
                    "old_refs": list(ch.dependency.old_refs),
                    "old_refs_now": list(ch.dependency.old_in_new),
                    "new_refs": list(ch.dependency.new_refs),
                    "note": ch.dependency.describe("zh"),
                    "note_en": ch.dependency.describe("en"),
                },
                "diff": [{"op": c.op, "text": c.text} for c in ch.chunks],
                "added": ch.added_text,
                "removed": ch.removed_text,
                "lookups": [
                    {
                        "feature": lk.feature,
                        "found": lk.found,
                        "where": lk.where,
                        "passage": lk.passage,
                        "score": round(lk.score, 1),
                    }
                    for lk in ch.lookups
                ],
            }
            for ch in changes
        ],
        "possible_added_matter": [lk.feature for ch in changes for lk in ch.lookups if not lk.found],
    }


def diff_json(changes: list[ClaimChange]) -> str:
    """JSON output."""
    return json.dumps(diff_dict(changes), ensure_ascii=False, indent=2)


def diff_html(changes: list[ClaimChange], title: str = "claimcheck diff") -> str:
    """A self-contained HTML page: the amendment record (修改对照表)."""
    rows = []
    for ch in changes:
        cells = []
        for c in ch.chunks:
            t = html.escape(c.text)
            cells.append(t if c.op == "equal" else f"<ins>{t}</ins>" if c.op == "insert" else f"<del>{t}</del>")
        scope = f'<p class="warn">{html.escape(ch.dependency.describe("zh"))}</p>' if ch.dependency else ""
        notes = "".join(
            f'<li class="{"ok" if lk.found else "warn"}">{"✓" if lk.found else "⚠ 可能超范围"} '
            f"{html.escape(lk.feature)} — {html.escape(lk.where)}: {html.escape(lk.passage)}</li>"
            for lk in ch.lookups
        )
        rows.append(
            f"<tr><td>{html.escape(_label(ch))}</td><td>{_STATUS_ZH[ch.status]}</td>"
            f"<td>{''.join(cells)}{scope}{f'<ul>{notes}</ul>' if notes else ''}</td></tr>"
        )
    style = (
        "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}"
        "td,th{border:1px solid #ccc;padding:.4em;vertical-align:top}ins{background:#cfc;text-decoration:none}"
        "del{background:#fcc}.warn{color:#a00}.ok{color:#070}"
    )
    return (
        f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{style}</style></head><body><h1>{html.escape(title)}</h1>"
        "<table><tr><th>权利要求</th><th>状态</th><th>修改内容</th></tr>" + "".join(rows) + "</table></body></html>"
    )
