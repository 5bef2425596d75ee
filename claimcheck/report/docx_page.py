"""The page every .docx the project writes shares: A4, Chinese fonts, a title block naming the documents.

Application documents and amendment pages filed with CNIPA are on A4 paper, portrait.  Word's blank template is US Letter with Latin theme fonts, which Word and LibreOffice then replace
in Chinese text by whatever font they pick; so the page size and margins are set explicitly, and every style's
East Asian font is named (宋体 for text, 黑体 for headings) when the document's language is Chinese.

python-docx is imported lazily: the ``lint`` path never loads it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimcheck.outfile import write_atomic

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0
MARGIN_MM = {"top": 25.0, "bottom": 15.0, "left": 25.0, "right": 15.0}  # the margins of the CNIPA forms
BODY_FONT_ZH = "宋体"
HEADING_FONT_ZH = "黑体"
LATIN_FONT = "Times New Roman"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PUBLICATION = re.compile(r"\b((?:CN|US|EP|WO|JP|KR|DE|GB|FR|TW)\s?[0-9]{4,12}(?:\.[0-9])?\s?[A-Z][0-9]?)\b", re.I)


def document_label(path: str | Path) -> str:
    """How a title block names a document: its publication number when the file name carries one, else the name.

    >>> document_label("prior/CN117439507A.xml")
    'CN117439507A'
    >>> document_label("草稿 v2.docx")
    '草稿 v2.docx'
    """
    name = Path(path).name
    m = _PUBLICATION.search(Path(path).stem.replace("_", " "))
    return m.group(1).replace(" ", "").upper() if m else name


def new_document(lang: str = "zh", template: Path | None = None) -> Any:
    """A blank document (or a copy of ``template``) with an A4 page and, for Chinese, Chinese fonts throughout."""
    import docx

    document = docx.Document(str(template) if template is not None else None)
    setup_page(document)
    if lang != "en":
        set_fonts(document)
    if template is None:
        black_headings(document)
    return document


def black_headings(document: Any) -> None:
    """Headings and the title in black: a page for the patent office, not the blue of Word's blank template."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import RGBColor

    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and (style.name or "").lower().startswith(("heading", "title")):
            style.font.color.rgb = RGBColor(0, 0, 0)


def setup_page(document: Any) -> None:
    """Every section of ``document`` A4 portrait with the CNIPA margins."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width = Mm(A4_WIDTH_MM)
        section.page_height = Mm(A4_HEIGHT_MM)
        section.top_margin = Mm(MARGIN_MM["top"])
        section.bottom_margin = Mm(MARGIN_MM["bottom"])
        section.left_margin = Mm(MARGIN_MM["left"])
        section.right_margin = Mm(MARGIN_MM["right"])


def _fonts_element(r_pr: Any) -> Any:
    """The ``w:rFonts`` child of a run-properties element, created when missing."""
    from docx.oxml.ns import qn

    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = r_pr.makeelement(qn("w:rFonts"), {})
        r_pr.insert(0, fonts)
    return fonts


def name_fonts(r_pr: Any, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Name the East Asian and Latin fonts on a ``w:rPr`` element; theme fonts, which would win, are removed."""
    from docx.oxml.ns import qn

    fonts = _fonts_element(r_pr)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = r_pr.makeelement(qn("w:lang"), {})
        r_pr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def set_fonts(document: Any, body: str = BODY_FONT_ZH, heading: str = HEADING_FONT_ZH) -> None:
    """Chinese fonts in the document defaults and in every paragraph, character and table style."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        r_pr_default = defaults.find(qn("w:rPrDefault"))
        if r_pr_default is not None:
            r_pr = r_pr_default.find(qn("w:rPr"))
            if r_pr is None:
                r_pr = r_pr_default.makeelement(qn("w:rPr"), {})
                r_pr_default.append(r_pr)
            name_fonts(r_pr, body)
    for style in document.styles:
        if style.type not in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            continue
        name = (style.name or "").lower()
        font = heading if name.startswith(("heading", "title", "subtitle")) else body
        name_fonts(style.element.get_or_add_rPr(), font)


def set_run_font(run: Any, east_asia: str = BODY_FONT_ZH) -> None:
    """Name the East Asian font on one run (for runs a caller formats by hand)."""
    name_fonts(run._r.get_or_add_rPr(), east_asia)


def add_title_block(
    document: Any,
    title: str,
    documents: Sequence[tuple[str, str | Path]] = (),
    notes: Sequence[str] = (),
) -> None:
    """A heading and one line per document: ``(role, path)`` pairs, e.g. ``("对比文件1", "D1/CN1234567A.xml")``.

    Each document is named by :func:`document_label`; ``notes`` are further lines (date, tool version …).
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    heading = document.add_heading(title, level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for role, path in documents:
        p = document.add_paragraph()
        label = p.add_run(f"{role}：")
        label.bold = True
        p.add_run(document_label(path))
    for note in notes:
        document.add_paragraph(note)


def save(document: Any, path: Path) -> None:
    """Write ``document`` to ``path`` atomically (a reader never sees half a file)."""
    write_atomic(path, lambda tmp: document.save(str(tmp)))


def page_size_mm(document: Any) -> tuple[float, float]:
    """The first section's page size in millimetres (for tests and checks)."""
    section = document.sections[0]
    return round(section.page_width.mm, 1), round(section.page_height.mm, 1)
