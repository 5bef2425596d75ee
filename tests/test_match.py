"""Prior-art matching over real documents: features, verbatim passages, verdicts, the chart and the reply draft."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import CORPUS
from test_cli import run

from claimcheck.errors import InputError
from claimcheck.match import all_features, build_chart, read_document
from claimcheck.match.reply import reply_skeleton
from claimcheck.parse import parse_source, parse_text
from claimcheck.readers import read_path

PUBS = sorted(p.name[: -len(".desc.txt")] for p in (CORPUS / "cn").glob("*.desc.txt"))


def test_feature_decomposition() -> None:
    cs = parse_text(
        "1. 一种夹具，包括底座、导轨和压板，其特征在于，所述压板沿所述导轨滑动，且所述底座和所述导轨通过螺栓连接。\n"
        "2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制；所述导轨为铝制。\n"
    )
    feats = [(f.id, f.kind, f.text) for f in all_features(cs)]
    assert feats == [
        ("1a", "subject", "一种夹具"),
        ("1b", "preamble", "底座"),
        ("1c", "preamble", "导轨"),
        ("1d", "preamble", "压板"),
        ("1e", "characterizing", "所述压板沿所述导轨滑动"),
        ("1f", "characterizing", "所述底座和所述导轨通过螺栓连接"),  # 和 inside a phrase is not cut
        ("2a", "limiting", "所述底座为钢制"),
        ("2b", "limiting", "所述导轨为铝制"),
    ]
    text = "1. 一种夹具，包括底座、导轨和压板，其特征在于，所述压板沿所述导轨滑动。"
    for f in all_features(parse_text(text)):
        assert text[f.span.start : f.span.end] == f.text


def test_no_phrase_only_features_in_the_corpus() -> None:
    """A chart row is a technical feature: never 该方法包括以下步骤, 具体步骤如下 or a step label alone."""
    phrase = re.compile(
        r"(?:包括|具体)?(?:以下|如下)?步骤(?:如下)?$|^步骤[一二三四五六七八九十0-9]+$|具体为$|^包括$|特征"
    )
    for pub in PUBS:
        cs = parse_source(read_path(CORPUS / "cn" / f"{pub}.txt"))
        for f in all_features(cs):
            assert not phrase.search(f.text), (pub, f.id, f.text)


@pytest.mark.parametrize("pub", PUBS)
def test_every_quoted_passage_is_verbatim_and_own_description_discloses(pub: str) -> None:
    cs = parse_source(read_path(CORPUS / "cn" / f"{pub}.txt"))
    other = PUBS[(PUBS.index(pub) + 1) % len(PUBS)]
    docs = [
        read_document(CORPUS / "cn" / f"{pub}.desc.txt", "D1"),
        read_document(CORPUS / "cn" / f"{other}.desc.txt", "D2"),
    ]
    chart = build_chart(cs, docs)
    raw = {d.label: Path(d.path).read_text(encoding="utf-8") for d in docs}
    for f in chart.features:
        for d in docs:
            m = chart.match(f, d.label)
            if m.passage is not None:
                assert d.text[m.passage.span.start : m.passage.span.end] == m.passage.text
                assert m.passage.text in raw[d.label]
    unrelated = [chart.match(f, "D2").verdict for f in chart.features if f.kind != "subject"]
    assert sum(v == "disclosed" for v in unrelated) / len(unrelated) <= 0.15, unrelated


def test_own_descriptions_disclose_nearly_all_features() -> None:
    """Over all 12 patents, at least 85% of the features are found (disclosed or partly) in their own description.

    CN86105254A, a 1987 translation whose claims and description are worded differently, is the weak case.
    """
    found = total = 0
    for pub in PUBS:
        cs = parse_source(read_path(CORPUS / "cn" / f"{pub}.txt"))
        chart = build_chart(cs, [read_document(CORPUS / "cn" / f"{pub}.desc.txt", "D1")])
        verdicts = [chart.match(f, "D1").verdict for f in chart.features if f.kind != "subject"]
        found += sum(v != "not_found" for v in verdicts)
        total += len(verdicts)
    assert found / total >= 0.85, f"{found}/{total}"


def test_reply_skeleton_follows_the_three_steps() -> None:
    from claimcheck.application.split import description_from_path

    cs = parse_source(read_path(CORPUS / "cn" / "CN119696475A.txt"))
    # a related document (another photovoltaic patent) as D1, an unrelated one as D2
    docs = [
        read_document(CORPUS / "cn" / "CN117439507A.desc.txt", "D1"),
        read_document(CORPUS / "cn" / "CN101100502A.desc.txt", "D2"),
    ]
    chart = build_chart(cs, docs, [1, 2])
    assert chart.analyses[0].closest == "D1" and chart.analyses[0].distinguishing
    text = reply_skeleton(chart, description_from_path(CORPUS / "cn" / "CN119696475A.desc.txt"))
    assert "草稿" in text and "仅供代理师修改参考" in text
    for step in ("最接近的现有技术", "区别技术特征", "实际解决的技术问题", "显而易见性", "专利法第二十二条第三款"):
        assert step in text
    assert "说明书¶" in text  # the effects are quoted from the description


def test_cli_features_only_and_json() -> None:
    claims = str(CORPUS / "cn" / "CN119696475A.txt")
    r = run("match", claims, "--features-only", "--claims", "1")
    assert r.returncode == 0 and r.stdout.startswith("1a    [subject] 一种分布式光伏电站")
    doc = json.loads(
        run(
            "match", claims, "--claims", "1-2", "--against", str(CORPUS / "cn" / "CN119696475A.desc.txt"), "-f", "json"
        ).stdout
    )
    assert {"features", "closest_prior_art", "distinguishing_features", "amendment_candidates", "documents"} <= set(doc)
    f = doc["features"][1]
    assert {"id", "claim", "text", "matches"} <= set(f)
    m = f["matches"][0]
    assert {"document", "verdict", "score", "passage", "location"} <= set(m) and m["verdict"] in (
        "disclosed",
        "partial",
        "not_found",
    )
    assert doc["closest_prior_art"]["1"] == "D1"


def test_cli_formats(tmp_path: Path) -> None:
    args = [str(CORPUS / "cn" / "CN201047242Y.txt"), "--against", str(CORPUS / "cn" / "CN201047242Y.desc.txt")]
    assert run("match", *args, "-f", "markdown").stdout.startswith("# 特征对比表")
    page = run("match", *args, "-f", "html").stdout
    assert page.startswith("<!DOCTYPE html>") and "意见陈述书" in page
    out = tmp_path / "chart.docx"
    assert run("match", *args, "-f", "docx", "-o", str(out)).returncode == 0
    import docx

    document = docx.Document(str(out))  # the reply draft: its fields, then the feature table
    assert document.tables[0].rows[0].cells[0].text == "申请号"
    assert document.tables[1].rows[0].cells[2].text == "对比文件1"
    chart_only = tmp_path / "chart.docx"
    assert run("match", *args, "--no-reply", "-f", "docx", "-o", str(chart_only)).returncode == 0
    chart_page = docx.Document(str(chart_only))
    assert chart_page.tables[0].rows[0].cells[2].text == "对比文件1"
    assert "对比文件1：CN201047242Y" in [p.text for p in chart_page.paragraphs]  # the title block names it
    assert round(chart_page.sections[0].page_width.mm) == 210
    r = run("match", str(CORPUS / "cn" / "CN201047242Y.txt"))
    assert r.returncode == 2 and "--against" in r.stderr


def test_xml_and_english_documents() -> None:
    d = read_document(CORPUS / "xml" / "EP3782854A1.xml", "D1")
    assert d.language == "en" and any(p.paragraph.startswith("[0") for p in d.passages)
    for p in d.passages[:50]:
        assert d.text[p.span.start : p.span.end] == p.text
    cs = parse_source(read_path(CORPUS / "en" / "EP3782854A1.txt"))
    chart = build_chart(cs, [d], [1])
    found = [chart.match(f, "D1").verdict for f in chart.features if f.kind != "subject"]
    assert sum(v == "disclosed" for v in found) / len(found) >= 0.6, found


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    p = tmp_path / "scan.pdf"
    with p.open("wb") as fh:
        w.write(fh)
    with pytest.raises(InputError, match="no text layer"):
        read_document(p, "D1")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(InputError):
        read_document(bad, "D1")


def _text_pdf(pages: list[str]) -> bytes:
    """A minimal PDF with a text layer (Helvetica, one line of ASCII text per page)."""
    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font_id = 3 + 2 * len(pages)
    for i, text in enumerate(pages):
        content = f"BT /F1 12 Tf 50 700 Td ({text}) Tj ET".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_pdf_with_text_layer_gives_pages(tmp_path: Path) -> None:
    p = tmp_path / "d1.pdf"
    p.write_bytes(
        _text_pdf(["A vehicle display comprises a screen.", "The screen is mounted on a bracket with a hinge."])
    )
    d = read_document(p, "D1")
    assert d.language == "en" and [x.page for x in d.passages] == [1, 2]
    cs = parse_text("1. A display assembly comprising a screen mounted on a bracket with a hinge.")
    chart = build_chart(cs, [d])
    m = chart.match(chart.features[-1], "D1")
    assert m.passage is not None and m.passage.page == 2 and m.passage.text in d.text
