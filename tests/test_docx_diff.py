"""The 修改对照页 as a Word document: struck-through deletions, underlined insertions, scope changes named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from cli_inprocess import run

from claimcheck.diff import pair_claims
from claimcheck.parse import parse_text
from claimcheck.report.diff_docx import diff_docx
from claimcheck.report.docx_page import page_size_mm

OLD = (
    "1. 一种夹具，包括底座和卡爪。\n"
    "2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。\n"
    "3. 根据权利要求2所述的夹具，其特征在于，所述卡爪为三个。\n"
    "4. 根据权利要求1所述的夹具，其特征在于，所述卡爪沿周向均匀分布。\n"
    "5. 根据权利要求1所述的夹具，其特征在于，所述底座设有定位孔。\n"
)
NEW = (
    "1. 一种夹具，包括底座和卡爪，所述底座为钢制。\n"
    "2. 根据权利要求1所述的夹具，其特征在于，所述卡爪为三个。\n"
    "3. 根据权利要求1所述的夹具，其特征在于，所述卡爪沿周向均匀分布。\n"
    "4. 根据权利要求3所述的夹具，其特征在于，所述底座设有定位孔。\n"
)


def marked(cell: Any) -> tuple[str, str, str]:
    """(all text, struck-through text, underlined text) of a table cell's first paragraph."""
    runs = cell.paragraphs[0].runs
    return (
        "".join(r.text for r in runs),
        "".join(r.text for r in runs if r.font.strike),
        "".join(r.text for r in runs if r.font.underline),
    )


def test_amendment_page_runs(tmp_path: Path) -> None:
    changes = pair_claims(parse_text(OLD), parse_text(NEW))
    out = tmp_path / "对照页.docx"
    diff_docx(changes, out, "old/CN117439507A.txt", "new/修改稿.docx")
    document = docx.Document(str(out))
    assert page_size_mm(document) == (210.0, 297.0)
    assert [p.text for p in document.paragraphs[:3]] == ["修改对照页", "修改前：CN117439507A", "修改后：修改稿.docx"]
    rows = {row.cells[0].paragraphs[0].text: row.cells for row in document.tables[0].rows[1:]}
    assert list(rows) == ["1", "2（原3）", "3（原4）", "4（原5）", "原2"]
    # claim 1: the feature moved in is underlined; nothing is struck
    before, after = marked(rows["1"][1]), marked(rows["1"][2])
    assert before == ("1. 一种夹具，包括底座和卡爪。", "", "")
    assert after == ("1. 一种夹具，包括底座和卡爪，所述底座为钢制。", "", "，所述底座为钢制")
    # claim 3 (was 2): its parent was deleted: the reference change is a change of scope
    before, after = marked(rows["2（原3）"][1]), marked(rows["2（原3）"][2])
    assert before[1] == "3. 2" and after[2] == "2. 1"
    assert "保护范围随之改变" in rows["2（原3）"][2].paragraphs[1].text
    assert rows["2（原3）"][0].paragraphs[1].text == "已修改"
    # claim 4 (was 4): renumbered only; its parent 1 is the same claim
    assert rows["3（原4）"][0].paragraphs[1].text == "仅编号变化" and len(rows["3（原4）"][2].paragraphs) == 1
    # claim 4 (was 5): the text says 3 instead of 1: another parent, another scope, never "renumbered only"
    assert rows["4（原5）"][0].paragraphs[1].text == "已修改"
    assert "原引用权利要求1，现引用权利要求3" in rows["4（原5）"][2].paragraphs[1].text
    # the deleted claim: struck through as a whole
    text, struck, under = marked(rows["原2"][1])
    assert struck == text and under == "" and rows["原2"][2].text == "（删除）"


def test_diff_cli_docx(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    out = tmp_path / "page.docx"
    r = run("diff", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), "-f", "docx", "-o", str(out), "--lang", "en")
    assert r.returncode == 0 and f"wrote {out}" in r.stderr and r.stdout == ""
    assert docx.Document(str(out)).paragraphs[0].text == "Amendment record"
    bad = run("diff", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), "-f", "docx")
    assert bad.returncode == 2 and "needs --output" in bad.stderr
    text = run("diff", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"))
    assert "SCOPE: 引用关系改变" in text.stdout and "claim 3 (was 4): renumbered" in text.stdout
