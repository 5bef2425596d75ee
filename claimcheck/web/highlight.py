"""The disclosure's text cut into segments, the quoted evidence marked: risks, key points, criteria evidence."""

from __future__ import annotations

from typing import Any

PRIORITY = {"risk": 3, "key": 2, "evidence": 1}


def highlight(text: str, assessment: dict[str, Any]) -> list[tuple[str, str, str]]:
    """``(text, class, note)`` segments covering ``text`` in order; class is "" for unmarked text.

    Each quote of the assessment carries its offset in the text; a quote that does not stand there (a changed
    text) is not marked.  Where marks overlap, a risk wins over a key point, a key point over other evidence.
    """
    marks: list[tuple[int, int, str, str]] = []

    def add(start: int | None, quote: str, cls: str, note: str) -> None:
        if start is None or start < 0 or not quote or text[start : start + len(quote)] != quote:
            return
        marks.append((start, start + len(quote), cls, note))

    for r in assessment.get("risks", []):
        add(r.get("start"), r.get("evidence", ""), "risk", f"{r.get('kind_zh', '')}：{r.get('source', '')}")
    for i, k in enumerate((assessment.get("prior_art") or {}).get("key_points", []), start=1):
        add(k.get("start"), k.get("quote", ""), "key", f"关键点{i}")
    for c in assessment.get("criteria", []):
        for e in c.get("evidence", []):
            add(e.get("start"), e.get("quote", ""), "evidence", c.get("name", ""))
    owner: list[tuple[int, str, str] | None] = [None] * len(text)
    for a, b, cls, note in marks:
        for i in range(a, b):
            cur = owner[i]
            if cur is None or cur[0] < PRIORITY[cls]:
                owner[i] = (PRIORITY[cls], cls, note)
    out: list[tuple[str, str, str]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or owner[i] != owner[start]:
            o = owner[start]
            out.append((text[start:i], o[1] if o else "", o[2] if o else ""))
            start = i
    return out
