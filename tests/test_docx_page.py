"""The shared .docx page: A4, Chinese fonts throughout, a title block naming the documents."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from claimcheck.report.docx_page import add_title_block, document_label, new_document, page_size_mm, save


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("prior/CN117439507A.xml", "CN117439507A"),
        ("D2_US2019123456A1.txt", "US2019123456A1"),
        ("cn 1234567 b.pdf", "CN1234567B"),
        ("草稿 v2.docx", "草稿 v2.docx"),
        ("claims-2024-05.txt", "claims-2024-05.txt"),
    ],
)
def test_document_label(path: str, label: str) -> None:
    assert document_label(path) == label


def _east_asia_fonts(document: docx.document.Document, no_theme: bool = True) -> dict[str, str | None]:
    out = {}
    for style in document.styles:
        r_pr = style.element.rPr
        fonts = r_pr.find(qn("w:rFonts")) if r_pr is not None else None
        out[style.name] = fonts.get(qn("w:eastAsia")) if fonts is not None else None
        if fonts is not None and no_theme:
            assert fonts.get(qn("w:eastAsiaTheme")) is None, style.name
    return out


def test_chinese_page_is_a4_with_chinese_fonts(tmp_path: Path) -> None:
    document = new_document("zh")
    add_title_block(document, "修改对照页", [("修改前", "old/CN117439507A.txt"), ("修改后", "new/答复稿.docx")])
    document.add_paragraph("1.一种散热装置，包括底座。")
    out = tmp_path / "page.docx"
    save(document, out)
    back = docx.Document(str(out))
    assert page_size_mm(back) == (210.0, 297.0)
    fonts = _east_asia_fonts(back)
    assert fonts["Normal"] == "宋体"
    assert fonts["Heading 1"] == "黑体"
    defaults = back.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:eastAsia")) == "宋体"
    texts = [p.text for p in back.paragraphs]
    assert texts[:3] == ["修改对照页", "修改前：CN117439507A", "修改后：答复稿.docx"]


def test_english_page_keeps_the_template_fonts() -> None:
    document = new_document("en")
    assert page_size_mm(document) == (210.0, 297.0)
    assert _east_asia_fonts(document, no_theme=False)["Normal"] is None
