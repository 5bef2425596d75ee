"""Disclosure scoring: real descriptions as stand-ins, degraded section by section; panels, rubrics, formats."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from conftest import CORPUS
from test_cli import run

from claimcheck.disclose import score_disclosure, split_disclosure
from claimcheck.model import SourceText

DESCRIPTIONS = sorted((CORPUS / "cn").glob("*.desc.txt"))


def _scores(text: str) -> tuple[float, dict[str, float]]:
    r = score_disclosure(SourceText(text))
    return r.score, {c.result.name: c.result.score for c in r.criteria}


def _drop_section(text: str, heading: str) -> str:
    """Remove a section: its heading line and every paragraph up to the next known heading."""
    headings = ("技术领域", "背景技术", "发明内容", "实用新型内容", "附图说明", "具体实施方式")
    out, skipping = [], False
    for line in text.split("\n"):
        if line.strip() in headings:
            skipping = line.strip() == heading
            if skipping:
                continue
        if not skipping:
            out.append(line)
    return "\n".join(out)


def _drop_data(text: str) -> str:
    return re.sub(r"[0-9]+(?:\.[0-9]+)?", "", text)


def _drop_drawings(text: str) -> str:
    return re.sub(
        r"(?:参照|参见|如)?图\s*[0-9]+(?:[a-zA-Z])?(?:\s*(?:至|到|-|和|、)\s*[0-9]+)?(?:所示)?",
        "",
        _drop_section(text, "附图说明"),
    )


DEGRADATIONS = {
    "background removed": (lambda t: _drop_section(t, "背景技术"), "completeness"),
    "embodiments removed": (lambda t: _drop_section(t, "具体实施方式"), "embodiments"),
    "drawings removed": (_drop_drawings, "drawings"),
    "data removed": (_drop_data, "parameters"),
}


@pytest.mark.parametrize("path", DESCRIPTIONS, ids=lambda p: p.name)
@pytest.mark.parametrize("degradation", sorted(DEGRADATIONS))
def test_degrading_lowers_the_score_in_its_criterion(path: Path, degradation: str) -> None:
    text = path.read_text(encoding="utf-8")
    degrade, criterion = DEGRADATIONS[degradation]
    base_total, base = _scores(text)
    worse_text = degrade(text)
    if worse_text == text or base[criterion] == 0:
        pytest.skip(f"{path.name} has nothing to remove for '{degradation}'")
    total, after = _scores(worse_text)
    assert after[criterion] < base[criterion], (degradation, base[criterion], after[criterion])
    assert total < base_total


def test_removing_effect_data_lowers_effects_data() -> None:
    text = "技术领域\n本发明涉及一种涂料。\n有益效果\n与现有技术相比，附着力提高了35%，耐磨性提高2倍，对比例的附着力为3.2MPa。\n"
    _, base = _scores(text)
    _, after = _scores(_drop_data(text))
    assert base["effects-data"] > 0.5 and after["effects-data"] < base["effects-data"]


def test_sections_by_heading_and_content() -> None:
    text = (
        "发明名称：一种散热装置\n一、技术领域\n本发明涉及散热。\n【背景技术】\n现有散热器效率低。\n"
        "要解决的技术问题：提高散热效率。\n技术方案\n一种散热装置，包括翅片。\n"
        "与现有技术相比，散热效率提高了20%。\n实施例1：翅片间距为2mm～5mm。\n关键点：翅片的排列方式。\n"
    )
    d = split_disclosure(SourceText(text))
    assert d.title == "一种散热装置"
    assert {"field", "background", "problem", "solution", "effects", "embodiments", "key-points"} <= d.present


def test_distribution_over_real_descriptions() -> None:
    scores = [_scores(p.read_text(encoding="utf-8"))[0] for p in DESCRIPTIONS]
    assert len(scores) == 12 and all(10 <= s <= 95 for s in scores), scores
    assert max(scores) - min(scores) >= 15  # the scorer tells them apart


def test_english_disclosure_does_not_crash() -> None:
    text = "Title: Heat sink\nTechnical field\nThe invention relates to cooling.\nBackground\nKnown sinks are weak.\nExamples\nExample 1: fins 2-5 mm apart.\n"
    r = score_disclosure(SourceText(text))
    assert 0 <= r.score <= 100 and {"field", "background", "embodiments"} <= split_disclosure(SourceText(text)).present


def test_panel_sheet_and_rubric(tmp_path: Path) -> None:
    desc = str(DESCRIPTIONS[0])
    base = json.loads(run("score", desc, "-f", "json").stdout)
    high = tmp_path / "panel.toml"
    high.write_text("market-demand = 5\ncommercial-risk = 1\ngrant-prospect = 5\n", encoding="utf-8")
    low = tmp_path / "panel.csv"
    low.write_text("field,value\nmarket-demand,1\ncommercial-risk,5\ngrant-prospect,1\n", encoding="utf-8")
    with_high = json.loads(run("score", desc, "--panel", str(high), "-f", "json").stdout)
    with_low = json.loads(run("score", desc, "--panel", str(low), "-f", "json").stdout)
    assert with_low["score"] < base["score"] < with_high["score"]
    assert {c["name"] for c in with_high["criteria"] if c["source"] == "panel"} == {
        "market-demand",
        "commercial-risk",
        "grant-prospect",
    }
    rubric = tmp_path / "rubric.toml"
    rubric.write_text("[verdict]\nfile = 10\nimprove = 5\n[criteria.completeness]\nweight = 1\n", encoding="utf-8")
    only = json.loads(run("score", desc, "--rubric", str(rubric), "-f", "json").stdout)
    assert [c["name"] for c in only["criteria"]] == ["completeness"] and only["verdict"] == "file"
    bad = tmp_path / "bad.toml"
    bad.write_text("market-demand = 9\n", encoding="utf-8")
    r = run("score", desc, "--panel", str(bad))
    assert r.returncode == 2 and "outside 1–5" in r.stderr


def test_json_fields_and_evidence_are_verbatim() -> None:
    path = CORPUS / "cn" / "CN117439507A.desc.txt"
    doc = json.loads(run("score", str(path), "-f", "json").stdout)
    assert 0 <= doc["score"] <= 100 and doc["verdict"] in ("file", "improve", "not-fileable")
    lines = path.read_text(encoding="utf-8").split("\n")
    for c in doc["criteria"]:
        assert {"name", "score", "weight", "evidence", "requests"} <= set(c)
        for e in c["evidence"]:
            assert e["quote"] in lines[e["line"] - 1]


def test_batch_csv_html_and_corpus(tmp_path: Path) -> None:
    folder = tmp_path / "disclosures"
    folder.mkdir()
    for p in DESCRIPTIONS[:3]:
        (folder / p.name.replace(".desc", "")).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    rows = list(csv.reader(io.StringIO(run("score", str(folder), "-f", "csv").stdout)))
    assert rows[0][:5] == ["rank", "path", "title", "score", "verdict"] and len(rows) == 4
    assert [float(r[3]) for r in rows[1:]] == sorted((float(r[3]) for r in rows[1:]), reverse=True)
    out = tmp_path / "report.html"
    run("score", str(folder), "-f", "html", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert (
        page.startswith("<!DOCTYPE html>")
        and "<svg" in page
        and "http" not in page.replace("http://www.w3.org/2000/svg", "")
    )
    prior = tmp_path / "prior"
    prior.mkdir()
    (prior / "same.txt").write_text(DESCRIPTIONS[0].read_text(encoding="utf-8"), encoding="utf-8")
    doc = json.loads(run("score", str(DESCRIPTIONS[0]), "--corpus", str(prior), "-f", "json").stdout)
    novelty = next(c for c in doc["criteria"] if c["name"] == "novelty")
    assert novelty["score"] < 10 and doc["nearest"][0]["document"] == "same.txt"
    unrelated = json.loads(run("score", str(DESCRIPTIONS[0]), "--against", str(DESCRIPTIONS[5]), "-f", "json").stdout)
    assert next(c for c in unrelated["criteria"] if c["name"] == "novelty")["score"] > 50


def test_docx_disclosure(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in (
        "发明名称：一种散热装置",
        "技术领域",
        "本发明涉及散热。",
        "背景技术",
        "现有散热器效率低，成本高。",
        "具体实施方式",
        "实施例1：翅片间距为2mm～5mm。",
    ):
        document.add_paragraph(line)
    p = tmp_path / "交底书.docx"
    document.save(str(p))
    doc = json.loads(run("score", str(p), "-f", "json").stdout)
    assert doc["title"] == "一种散热装置" and doc["score"] > 0
    assert any(e["line"] == 7 for c in doc["criteria"] for e in c["evidence"])  # paragraph 7 of the .docx
