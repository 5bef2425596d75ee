"""Render every .docx claimcheck writes through LibreOffice, to see layout regressions.

python benchmarks/docx_render.py [OUTDIR]

Builds the reviewed copy of a Word draft (comments, and a tracked fix), the 修改对照页 of an amendment, a bare
title page and the score sheet of a disclosure, converts them to PDF with ``soffice --headless --convert-to pdf`` and the PDF pages to PNG with
``pdftoppm``; prints, for each, the page size (A4 is 210 × 297 mm), whether the expected text is on the page, and
where the PNGs are, so that a person can look at them.  Needs LibreOffice (``soffice``) and poppler-utils.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


@dataclass
class Rendered:
    """A .docx converted: its PDF, the size of its pages in millimetres, its text and its page images."""

    pdf: Path
    pages_mm: list[tuple[float, float]]
    text: str
    pngs: list[Path]


def available() -> bool:
    """Whether LibreOffice and pdftoppm are installed."""
    return shutil.which("soffice") is not None and shutil.which("pdftoppm") is not None


def render(files: list[Path], outdir: Path, png: bool = True, dpi: int = 50) -> dict[Path, Rendered]:
    """Convert ``files`` in one LibreOffice run; PDFs and PNGs go to ``outdir``."""
    from pypdf import PdfReader

    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, files),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    out: dict[Path, Rendered] = {}
    for f in files:
        pdf = outdir / (f.stem + ".pdf")
        reader = PdfReader(str(pdf))
        pages = [
            (round(float(p.mediabox.width) * 25.4 / 72, 1), round(float(p.mediabox.height) * 25.4 / 72, 1))
            for p in reader.pages
        ]
        text = "\n".join(p.extract_text() or "" for p in reader.pages)
        pngs: list[Path] = []
        if png:
            subprocess.run(
                ["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(outdir / f.stem)], check=True, timeout=120
            )
            pngs = sorted(outdir.glob(f"{f.stem}*.png"))
        out[f] = Rendered(pdf, pages, text, pngs)
    return out


def build_outputs(folder: Path) -> dict[Path, list[str]]:
    """Every kind of .docx the project writes, built from small drafts; with the words each must show."""
    import docx_drafts

    from claimcheck.diff import pair_claims
    from claimcheck.disclose import read_disclosure, score_disclosure
    from claimcheck.lint.config import ConfigResolver
    from claimcheck.lint.engine import lint_paths
    from claimcheck.match import read_document
    from claimcheck.parse import parse_text
    from claimcheck.report.diff_docx import diff_docx
    from claimcheck.report.docx_page import add_title_block, new_document, save
    from claimcheck.report.docx_review import review_docx
    from claimcheck.report.keypoint_match import match_comparer
    from claimcheck.report.score_docx import score_docx

    folder.mkdir(parents=True, exist_ok=True)
    draft = docx_drafts.build(folder / "draft.docx", docx_drafts.TRACKED)
    result = lint_paths([draft], config_for=ConfigResolver())[0]
    review_docx(draft.read_bytes(), result, folder / "reviewed.docx")
    old = parse_text(
        "1. 一种夹具，包括底座和卡爪。\n2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。\n"
        "3. 根据权利要求2所述的夹具，其特征在于，所述卡爪为三个。\n"
    )
    new = parse_text(
        "1. 一种夹具，包括底座和卡爪，所述底座为钢制。\n2. 根据权利要求1所述的夹具，其特征在于，所述卡爪为三个。\n"
    )
    diff_docx(pair_claims(old, new), folder / "amendment.docx", "CN117439507A.txt", "答复修改稿.docx")
    page = new_document("zh")
    add_title_block(page, "特征对比表", [("本申请", "CN117439507A.xml"), ("对比文件1", "D1_CN1234567A.pdf")])
    save(page, folder / "title.docx")
    disclosures = ROOT / "tests" / "disclosures"
    prior = [read_document(disclosures / "prior" / "CN-demo-robot-guide.txt", "D1")]
    scored = score_disclosure(read_disclosure(disclosures / "risk-prior-use.txt"), comparer=match_comparer(prior))
    score_docx([scored], folder / "score.docx")
    return {
        folder / "reviewed.docx": ["权利要求书", "所述散热片焊接连接", "所述底座的厚度"],
        folder / "amendment.docx": ["修改对照页", "修改前", "修改后", "引用关系改变"],
        folder / "title.docx": ["特征对比表", "对比文件1：CN1234567A"],
        folder / "score.docx": ["技术交底书评分表", "技术交底书：risk-prior-use.txt", "准入条件", "专利法第22条第2款"],
    }


def main() -> None:
    if not available():
        print("LibreOffice (soffice) or pdftoppm not installed: nothing rendered")
        raise SystemExit(1)
    outdir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="claimcheck-render-"))
    expected = build_outputs(outdir / "docx")
    rendered = render(list(expected), outdir / "pdf")
    ok = 0
    for f, words in expected.items():
        r = rendered[f]
        a4 = all(abs(w - 210) < 1 and abs(h - 297) < 1 for w, h in r.pages_mm)
        missing = [w for w in words if w not in "".join(r.text.split())]
        ok += a4 and not missing
        print(
            f"{f.name:16} pages {len(r.pages_mm)}  A4 {'yes' if a4 else 'NO ' + str(r.pages_mm)}  "
            f"text {'ok' if not missing else 'MISSING ' + ', '.join(missing)}"
        )
        for p in r.pngs:
            print(f"    {p}")
    print(f"{ok}/{len(expected)} outputs render as A4 with their text (floor {len(expected)}/{len(expected)})")
    raise SystemExit(0 if ok == len(expected) else 1)


if __name__ == "__main__":
    main()
