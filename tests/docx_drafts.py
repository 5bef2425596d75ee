"""Word drafts built for the tests: automatic numbering, formatted runs, an existing comment, tracked changes.

A draft is a list of claims, each a list of pieces: plain text, ``("b", text)`` bold, ``("i", text)`` italic,
``("ins", text)`` inserted and ``("del", text)`` deleted with track changes on (author 张工).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

Piece = str | tuple[str, str]

CLAIMS: list[list[Piece]] = [
    [
        "一种散热装置，包括底座、安装在",
        ("b", "所述底座"),
        "上的风扇以及导热管，其特征在于，所述导热管的一端连接有散热片，所述散热片",
        ("i", "例如"),
        "为铝制散热片。",
    ],
    ["根据权利要求1所述的散热装置，其特征在于，所述热管与所述散热片焊接连接。"],
    ["根据权利要求1所述的散热装置，其特征在于，所述风扇的形状如图3所示。"],
    ["根据权利要求2或3所述的散热装置，其特征在于，所述底座的厚度约为5mm。"],
]

# the same draft as revised by a colleague with track changes on
TRACKED: list[list[Piece]] = [
    CLAIMS[0],
    ["根据权利要求1所述的散热装置，其特征在于，所述", ("del", "滑块"), ("ins", "导热管"), "与所述散热片焊接连接。"],
    ["根据权利要求1所述的散热装置，其特征在于，所述风扇", ("ins", "的形状如图3所示"), ("del", "为轴流风扇"), "。"],
    ["根据权利要求", ("del", "2或"), "3所述的散热装置，其特征在于，所述底座的厚度", ("ins", "约"), "为5mm。"],
]


def _revision(kind: str, rid: int) -> Any:
    el = OxmlElement(f"w:{kind}")
    el.set(qn("w:id"), str(rid))
    el.set(qn("w:author"), "张工")
    el.set(qn("w:date"), "2024-05-06T09:30:00Z")
    return el


def build(path: Path, claims: list[list[Piece]], comment_on_claim: int = 2) -> Path:
    """Write a claims draft: heading, auto-numbered claims, an existing comment on the first run of one claim."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)  # a Chinese agency's template is A4
    document.add_paragraph("权利要求书", style="Title")
    rid = 100
    for number, pieces in enumerate(claims, start=1):
        paragraph = document.add_paragraph(style="List Number")
        for piece in pieces:
            kind, text = ("", piece) if isinstance(piece, str) else piece
            run = paragraph.add_run(text)
            run.font.name = "宋体"
            if kind == "b":
                run.bold = True
            elif kind == "i":
                run.italic = True
            elif kind in ("ins", "del"):
                wrapper = _revision(kind, rid)
                rid += 1
                run._r.addprevious(wrapper)
                wrapper.append(run._r)
                if kind == "del":
                    for t in run._r.iter(qn("w:t")):
                        t.tag = qn("w:delText")
        if number == comment_on_claim:
            document.add_comment(paragraph.runs[0], text="请核对引用关系", author="张工", initials="ZG")
    document.save(str(path))
    return path
