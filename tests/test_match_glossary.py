"""Part names aligned by the document's context, a firm's glossary, and the command line around them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import run

from claimcheck.errors import InputError
from claimcheck.match import build_chart
from claimcheck.match.documents import Document, _passages
from claimcheck.match.glossary import add_to_glossary, parse_glossary, read_glossary, vocabulary_with
from claimcheck.parse import parse_text

CLAIMS = (
    "1. 一种夹紧装置，包括底座、导轨和压紧块，其特征在于，所述压紧块沿所述导轨滑动，所述底座上设有气缸，"
    "所述气缸驱动所述压紧块。\n"
)
DOC = (
    "一种夹具\n"
    "夹具具有底座，底座上安装导轨，压合块可沿导轨滑动。\n"
    "气缸固定在底座上，气缸推动压合块压住工件。\n"
    "工件放在工作台上。\n"
)


def _doc(text: str, label: str = "D1") -> Document:
    return Document(label, f"{label}.txt", text, _passages(text), "zh")


def test_a_part_named_otherwise_is_aligned_by_context_and_used_everywhere() -> None:
    chart = build_chart(parse_text(CLAIMS), [_doc(DOC)])
    aligned = {(a.claim_name, a.document_name) for a in chart.alignments["D1"]}
    assert ("压紧块", "压合块") in aligned
    by_id = {f.id: f for f in chart.features}
    slide = chart.match(by_id["1e"], "D1")
    assert slide.verdict == "disclosed" and slide.passage is not None and "压合块" in slide.passage.text
    drive = chart.match(by_id["1g"], "D1")
    assert drive.verdict == "disclosed" and "压合块" in drive.passage.text  # type: ignore[union-attr]


def test_the_same_name_in_the_wrong_company_is_not_aligned() -> None:
    unrelated = "一种冲压模具\n压合块固定在上模座上。\n模具还包括下模板。\n"
    chart = build_chart(parse_text(CLAIMS), [_doc(unrelated)])
    assert not chart.alignments["D1"]


def test_glossary_file_is_read_and_honoured(tmp_path: Path) -> None:
    claims = parse_text("1. 一种检测装置，包括机壳和触针，其特征在于，所述触针伸出所述机壳。\n")
    doc = _doc("一种测量仪\n测量仪的外壳上伸出一根测头，用于接触工件。\n")
    plain = build_chart(claims, [doc])
    f = next(f for f in plain.features if f.id == "1d")
    assert plain.match(f, "D1").verdict != "disclosed"
    g = tmp_path / "firm.txt"
    g.write_text("# 本所术语表\n触针 = 测头 = stylus\n", encoding="utf-8")
    assert read_glossary(g) == [["触针", "测头", "stylus"]]
    chart = build_chart(claims, [doc], vocab=vocabulary_with([g]))
    assert chart.match(f, "D1").verdict == "disclosed"
    english = _doc("A probe head carries a stylus which projects from the housing.\n")
    english.language = "en"
    assert build_chart(claims, [english], vocab=vocabulary_with([g])).match(f, "D1").verdict == "disclosed"


def test_glossary_errors_and_saving(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="two terms"):
        parse_glossary("只有一个词\n", "g.txt")
    g = tmp_path / "g.txt"
    assert add_to_glossary(g, [["压紧块", "压合块"], ["压合块", "压紧块"]]) == 1
    assert add_to_glossary(g, [["压紧块", "压合块"]]) == 0
    assert read_glossary(g) == [["压紧块", "压合块"]]


def test_cli_confirm_glossary_and_not_compared(tmp_path: Path) -> None:
    claims = tmp_path / "claims.txt"
    claims.write_text(CLAIMS, encoding="utf-8")
    d1 = tmp_path / "d1.txt"
    d1.write_text(DOC, encoding="utf-8")
    d2 = tmp_path / "JP2020123456A.txt"
    d2.write_text("クランプ装置\nベースの上にガイドレールが取り付けられている。\n", encoding="utf-8")
    g = tmp_path / "firm.txt"
    r = run(
        "match",
        str(claims),
        "--against",
        str(d1),
        "--against",
        str(d2),
        "--glossary",
        str(g),
        "--confirm",
        "压紧块=压合块",
        "-f",
        "json",
    )
    assert r.returncode == 0, r.stderr
    assert "1 alignment(s) added" in r.stderr and read_glossary(g) == [["压紧块", "压合块"]]
    doc = json.loads(r.stdout)
    d2info = doc["documents"][1]
    assert d2info["compared"] is False and "Japanese" in d2info["reason"] and d2info["publication"] == "JP2020123456A"
    assert doc["closest_prior_art"]["1"] == "D1"
    assert all(f["matches"][1]["verdict"] == "not_compared" for f in doc["features"])
    r = run("match", str(claims), "--against", str(d1), "--confirm", "压紧块=压合块")
    assert r.returncode == 2 and "--glossary" in r.stderr
    r = run("match", str(claims), "--against", str(d1), "--translation", "nothing")
    assert r.returncode == 2 and "ORIGINAL=TRANSLATION" in r.stderr
