"""``claimcheck support``: where the description supports each claim term, as text or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

SupportRow = tuple[Any, Sequence[Any], Sequence[Any]]  # (claim term, body paragraphs, background paragraphs)


def support_json(rows: Sequence[SupportRow]) -> str:
    """One JSON object: every term with the paragraphs that use it, and a summary."""
    doc = {
        "terms": [
            {
                "term": t.text,
                "claim": t.claim,
                "found_in": [{"paragraph": p.cite, "section": p.section} for p in body],
                "background": [p.cite for p in background],
                "supported": bool(body),
            }
            for t, body, background in rows
        ],
        "summary": {"terms": len(rows), "supported": sum(1 for _, b, _ in rows if b)},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def display_width(text: str) -> int:
    """Terminal cells ``text`` takes: a Chinese character takes two."""
    from rich.cells import cell_len

    return cell_len(text)


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal cells (``str.ljust`` counts a Chinese character as one)."""
    return text + " " * max(0, width - display_width(text))


def support_text(rows: Sequence[SupportRow]) -> str:
    """One line per term: the paragraphs that support it, ONLY IN BACKGROUND, or NOT FOUND; columns aligned."""
    width = min(max((display_width(t.text) for t, _, _ in rows), default=0), 32) + 2
    lines: list[str] = []
    for t, body, background in rows:
        head = f"  claim {t.claim:>2}  {pad(t.text, width)}"
        if body:
            cites = "、".join(p.cite for p in body[:8]) + (" …" if len(body) > 8 else "")
            lines.append(head + cites)
        elif background:
            lines.append(head + "ONLY IN BACKGROUND " + "、".join(p.cite for p in background[:5]))
        else:
            lines.append(head + "NOT FOUND")
    supported = sum(1 for _, b, _ in rows if b)
    lines.append(f"{supported} of {len(rows)} claim terms found in the description")
    return "\n".join(lines)
