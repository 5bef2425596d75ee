"""Structure of a description (说明书): section headings, paragraph numbers, figures listed and figures referred to.

Sections are recognised by the CNIPA headings (技术领域, 背景技术, 发明内容 / 实用新型内容, 附图说明,
具体实施方式), also when numbered or bracketed (一、技术领域, 【背景技术】, 技术领域：).  Headings and the
title are not paragraphs: an unnumbered description is numbered the way CNIPA prints it, body paragraphs
only.  Figures are read as the drawings list them (图1为…, 图2A是…) and as the text refers to them, ranges
with every dash (图1‑5, 图1至图3, 图3A-3C).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.analysis.numbers import DASHES, fold
from claimcheck.analysis.signs import strip_signs
from claimcheck.application.model import Description, Paragraph
from claimcheck.application.split import section_heading

__all__ = [
    "FigureRef",
    "figure_refs",
    "find",
    "has_figure_list",
    "listed_figures",
    "listing_figures",
    "referred_figures",
    "same_figure",
    "section_heading",
]

_FIG = r"[0-9]{1,3}(?:[A-Za-z](?![A-Za-z]))?"
_FIG_JOIN = rf"\s*(?:(?:[、,，/]|以及|和|及|与|或|[{re.escape(DASHES)}]|至|到)\s*(?:图\s*)?|图\s*)"
_FIGURES = re.compile(rf"图\s*(?P<first>{_FIG})(?P<rest>(?:{_FIG_JOIN}{_FIG}(?![0-9]))*)")
_FIG_PIECE = re.compile(rf"(?P<join>{_FIG_JOIN})(?P<fig>{_FIG})")
_LISTING = re.compile(
    rf"^\s*(?:附图)?图\s*(?P<first>{_FIG})(?P<rest>(?:{_FIG_JOIN}{_FIG})*)\s*(?:[为是、：:，,]|分别|表示|示出|显示)"
)


@dataclass(frozen=True, slots=True)
class FigureRef:
    """Figures named together (图1‑5: 1 … 5), lower-cased (图3A → 3a), with the offsets of the mention."""

    figures: tuple[str, ...]
    start: int
    end: int


def _expand(first: str, rest: str) -> list[str]:
    out = [first.lower()]
    prev = first.lower()
    for m in _FIG_PIECE.finditer(rest):
        fig = m.group("fig").lower()
        join = m.group("join").replace("图", "").strip()
        if join and (join in DASHES or join in ("至", "到")):
            out.extend(_between(prev, fig))
        out.append(fig)
        prev = fig
    return list(dict.fromkeys(out))


def _between(a: str, b: str) -> list[str]:
    """The figures strictly between ``a`` and ``b`` of a range: 1‑5 → 2, 3, 4; 3a-3c → 3b."""
    if a.isdigit() and b.isdigit() and int(a) < int(b) <= int(a) + 50:
        return [str(i) for i in range(int(a) + 1, int(b))]
    if a[:-1] == b[:-1] and a[:-1].isdigit() and a[-1].isalpha() and b[-1].isalpha() and a[-1] < b[-1]:
        return [a[:-1] + chr(c) for c in range(ord(a[-1]) + 1, ord(b[-1]))]
    return []


def figure_refs(text: str) -> list[FigureRef]:
    """Every mention of figures in ``text`` (如图1‑5所示, 图1和图2, 图3A/3B)."""
    folded = fold(text)
    return [FigureRef(tuple(_expand(m["first"], m["rest"])), m.start(), m.end()) for m in _FIGURES.finditer(folded)]


def listing_figures(text: str) -> tuple[str, ...]:
    """The figures a line of the description of the drawings describes (图1为…, 图2A是…, 图3、4为…), else ()."""
    m = _LISTING.match(fold(text))
    return tuple(_expand(m["first"], m["rest"])) if m else ()


def _figure_list(desc: Description) -> list[Paragraph]:
    """The paragraphs that describe the figures: the 附图说明 section, or, without one, the lines 图1是…."""
    drawings = desc.section("drawings")
    if drawings:
        return drawings
    run: list[Paragraph] = []
    seen: set[str] = set()
    for p in desc.paragraphs:
        figures = listing_figures(p.text) if p.section == "other" and len(p.text) <= 150 else ()
        if figures and figures[0] not in seen:
            run.append(p)
            seen.update(figures)
        elif run:
            break
    return run


def has_figure_list(desc: Description) -> bool:
    """Whether the description has a description of the drawings (附图说明, or lines 图1是… without that heading)."""
    return bool(_figure_list(desc))


def listed_figures(desc: Description) -> dict[str, Paragraph]:
    """Figures the description of the drawings lists, each with the paragraph that lists it."""
    out: dict[str, Paragraph] = {}
    for p in _figure_list(desc):
        for f in listing_figures(p.text):
            out.setdefault(f, p)
    return out


def referred_figures(desc: Description) -> dict[str, Paragraph]:
    """Figures the rest of the description refers to (not the drawings list; the background counts: a drawing of
    the prior art is referred to there, 目前均速管流量传感器可见图4)."""
    listing = {id(p) for p in _figure_list(desc)}
    out: dict[str, Paragraph] = {}
    for p in desc.paragraphs:
        if id(p) in listing or p.section == "drawings":
            continue
        for ref in figure_refs(p.text):
            for f in ref.figures:
                out.setdefault(f, p)
    return out


def same_figure(a: str, b: str) -> bool:
    """Whether two figure labels may name the same drawing: equal, or one is the other's part (图3 and 图3A)."""
    return a == b or a.rstrip("abcdefghijklmnopqrstuvwxyz") == b or b.rstrip("abcdefghijklmnopqrstuvwxyz") == a


def find(desc: Description, term: str, sections: tuple[str, ...] | None = None) -> list[Paragraph]:
    """Paragraphs that contain ``term`` with reference signs ignored (底座(1)上, 底座1上), optionally in some sections."""
    plain: list[str] | None = desc.cache.get("plain")
    if plain is None:
        plain = desc.cache["plain"] = [strip_signs(p.text) for p in desc.paragraphs]
    return [
        p
        for p, text in zip(desc.paragraphs, plain, strict=True)
        if (sections is None or p.section in sections) and term in text
    ]
