"""Search results as text (for a person) and JSON (for a program)."""

from __future__ import annotations

import json
from typing import Any

from claimcheck.index.build import BuildStats
from claimcheck.index.search import Hit


def hits_json(hits: list[Hit], query_tokens: int | None = None) -> str:
    """``{"hits": [{"rank", "number", "title", "path", "score", "family", "passages": [...]}]}``."""
    out: dict[str, Any] = {
        "hits": [
            {
                "rank": h.rank,
                "number": h.number,
                "title": h.title,
                "path": h.path,
                "score": h.score,
                "family": [{"number": n, "path": p} for n, p in h.family],
                "passages": [
                    {"location": p.location, "text": p.text, "score": p.score, "start": p.start, "end": p.end}
                    for p in h.passages
                ],
            }
            for h in hits
        ]
    }
    return json.dumps(out, ensure_ascii=False, indent=2)


def hits_text(hits: list[Hit], width: int = 110) -> str:
    """One block per hit: rank, number, title, path, family members, then the matched passages."""
    if not hits:
        return "no matching documents"
    lines = []
    for h in hits:
        lines.append(f"{h.rank:>2}. {h.number}  {h.title[:60]}  (score {h.score:g})")
        lines.append(f"    {h.path}")
        if h.family:
            shown = ", ".join(sorted({n for n, _ in h.family}))
            lines.append(f"    family: {shown} ({len(h.family)} other file(s))")
        for p in h.passages:
            text = p.text if len(p.text) <= width else p.text[: width - 1] + "…"
            lines.append(f"    {p.location:<8} {round(p.score * 100):>3}%  {text}")
    return "\n".join(lines)


def stats_text(stats: BuildStats, location: str) -> str:
    """The summary line of a build or update."""
    size = f", {stats.size_bytes / 1_048_576:.1f} MiB" if stats.size_bytes else ""
    parts = [
        f"{stats.added} indexed",
        f"{stats.duplicates} duplicate(s) folded",
    ]
    if stats.unchanged:
        parts.append(f"{stats.unchanged} unchanged")
    if stats.removed:
        parts.append(f"{stats.removed} removed")
    if stats.errors:
        parts.append(f"{len(stats.errors)} unreadable")
    return (
        f"claimcheck: {location}: {stats.files + stats.unchanged} file(s): {', '.join(parts)}; "
        f"{stats.documents} document(s) in {stats.families} famil{'y' if stats.families == 1 else 'ies'}"
        f"{size} ({stats.seconds:.1f} s)"
    )
