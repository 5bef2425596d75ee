"""The amendment record as a Word document: the 修改对照页 filed with amended claims.

One row per claim: the text before the amendment with the deleted words struck through (删除线), the text after
it with the added words underlined (下划线), on an A4 page in Chinese fonts (:mod:`.docx_page`).  A claim whose
dependency changed carries a note that its scope changed, even when only a claim number differs; a claim that was
only renumbered says so.  Added features found nowhere in the original application are noted as possible added
matter (专利法 第33条).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimcheck.diff import ClaimChange
from claimcheck.report.docx_page import add_title_block, new_document, save

_STATUS = {
    "zh": {"unchanged": "未修改", "renumbered": "仅编号变化", "changed": "已修改", "added": "新增", "deleted": "删除"},
    "en": {
        "unchanged": "unchanged",
        "renumbered": "renumbered only",
        "changed": "amended",
        "added": "added",
        "deleted": "deleted",
    },
}
_WORDS = {
    "zh": {
        "title": "修改对照页",
        "before": "修改前",
        "after": "修改后",
        "claim": "权利要求",
        "legend": "说明：删除的内容以删除线标示，增加的内容以下划线标示。",
        "deleted": "（删除）",
        "added": "（新增）",
        "matter": "可能超出原说明书和权利要求书记载的范围（专利法 第33条）：",
        "found": "原申请记载于",
        "was": "原{n}",
    },
    "en": {
        "title": "Amendment record",
        "before": "Before",
        "after": "After",
        "claim": "Claim",
        "legend": "Deleted text is struck through, added text underlined.",
        "deleted": "(deleted)",
        "added": "(added)",
        "matter": "possible added matter (Patent Law Art. 33): ",
        "found": "in the original at ",
        "was": "was {n}",
    },
}
COLUMN_MM = (22.0, 74.0, 74.0)


def _number(ch: ClaimChange, side: str) -> int | None:
    claim = ch.old if side == "old" else ch.new
    return claim.number if claim is not None else None


def _fill(cell: Any, ch: ClaimChange, side: str, words: dict[str, str]) -> None:
    """The text of one side of a claim: equal runs plain, the other side's changes left out, ours marked."""
    paragraph = cell.paragraphs[0]
    own = "delete" if side == "old" else "insert"
    number = _number(ch, side)
    if number is None:
        paragraph.add_run(words["deleted"] if side == "new" else words["added"])
        return
    label = paragraph.add_run(f"{number}. ")
    if ch.old is None or ch.new is None or ch.old.number != ch.new.number:  # added, deleted or renumbered
        _mark(label, own)
    for chunk in ch.chunks:
        if chunk.op == "equal":
            paragraph.add_run(chunk.text)
        elif chunk.op == own:
            _mark(paragraph.add_run(chunk.text), own)


def _row_label(ch: ClaimChange, words: dict[str, str]) -> str:
    """The claim a row is about: its new number, with the old one when it moved; a deleted claim by its old one."""
    new, old = _number(ch, "new"), _number(ch, "old")
    if new is None:
        return words["was"].format(n=old)
    if old is not None and old != new:
        return (
            f"{new}（{words['was'].format(n=old)}）"
            if words is _WORDS["zh"]
            else f"{new} ({words['was'].format(n=old)})"
        )
    return str(new)


def _mark(run: Any, op: str) -> None:
    if op == "delete":
        run.font.strike = True
    else:
        run.font.underline = True


def diff_docx(
    changes: list[ClaimChange],
    out: Path,
    old_path: str | Path,
    new_path: str | Path,
    lang: str = "zh",
) -> None:
    """Write the 修改对照页 of ``changes`` to ``out`` (atomically)."""
    from docx.shared import Mm, Pt

    lang = "en" if lang == "en" else "zh"
    words = _WORDS[lang]
    status = _STATUS[lang]
    document = new_document(lang)
    add_title_block(document, words["title"], [(words["before"], old_path), (words["after"], new_path)])
    document.add_paragraph(words["legend"])
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, (words["claim"], words["before"], words["after"]), strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for ch in changes:
        row = table.add_row().cells
        row[0].paragraphs[0].add_run(_row_label(ch, words))
        row[0].add_paragraph(status[ch.status]).runs[0].font.size = Pt(9)
        _fill(row[1], ch, "old", words)
        _fill(row[2], ch, "new", words)
        if ch.dependency is not None:
            note = row[2].add_paragraph().add_run(ch.dependency.describe(lang))
            note.bold = True
            note.font.size = Pt(9)
        for lk in ch.lookups:
            text = (
                f"{words['found']}{lk.where}：{lk.feature}"
                if lk.found
                else f"{words['matter']}“{lk.feature}”（{lk.where} {lk.score:.0f}%）"
            )
            run = row[2].add_paragraph().add_run(text)
            run.font.size = Pt(9)
            run.bold = not lk.found
    for column, width in zip(table.columns, COLUMN_MM, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, COLUMN_MM, strict=True):
            cell.width = Mm(width)
    save(document, out)
