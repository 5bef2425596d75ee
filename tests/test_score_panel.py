"""The pre-filing review on keyed disclosures (tests/disclosures/key.toml): ranking, risks, plans, quotes, JSON."""

from __future__ import annotations

import json
import tomllib
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT
from test_cli import run

from claimcheck.disclose import (
    ScoreReport,
    find_risks,
    key_points,
    read_disclosure,
    read_pdf_bytes,
    score_disclosure,
    split_disclosure,
    text_comparer,
)
from claimcheck.disclose.criteria import effects_data, prior_art
from claimcheck.disclose.quotes import clause_bounds, is_whole_words
from claimcheck.errors import InputError
from claimcheck.model import SourceText

FOLDER = ROOT / "tests" / "disclosures"
KEY = tomllib.loads((FOLDER / "key.toml").read_text(encoding="utf-8"))["disclosure"]
TIER = {"excellent": 0, "mediocre": 1, "poor": 2}


@cache
def report(name: str) -> ScoreReport:
    return score_disclosure(read_disclosure(FOLDER / name))


@pytest.mark.parametrize("field", sorted({k["field"] for k in KEY if k["quality"] in TIER}))
def test_ranking_within_a_field_matches_the_key(field: str) -> None:
    ks = [k for k in KEY if k["field"] == field and k["quality"] in TIER]
    assert len(ks) == 3
    order = sorted(ks, key=lambda k: -report(k["file"]).score)
    assert [k["rank"] for k in order] == [1, 2, 3], [(k["file"], report(k["file"]).score) for k in order]
    for k in ks:
        assert report(k["file"]).verdict == k["verdict"], (k["file"], report(k["file"]).score)


def test_every_excellent_disclosure_ranks_above_every_mediocre_one_and_those_above_the_poor() -> None:
    ranked = [k for k in KEY if k["quality"] in TIER]
    for a in ranked:
        for b in ranked:
            if TIER[a["quality"]] < TIER[b["quality"]]:
                assert report(a["file"]).score > report(b["file"]).score, (a["file"], b["file"])


@pytest.mark.parametrize("k", KEY, ids=[k["file"] for k in KEY])
def test_planted_risks_are_flagged_with_their_sentence_and_nothing_else(k: dict[str, object]) -> None:
    r = report(str(k["file"]))
    got = {(x.kind, x.evidence.quote) for x in r.risks}
    want = {(p["kind"], p["sentence"]) for p in k["risks"]}  # type: ignore[attr-defined]
    assert got == want
    for x in r.risks:
        assert x.source and x.message and x.advice
        text = (FOLDER / str(k["file"])).read_text(encoding="utf-8")
        assert text[x.evidence.start : x.evidence.end] == x.evidence.quote  # verbatim, at its offset
    if k["risks"]:
        assert not r.may_draft and any(g.name == "no-blocking-risk" and not g.passed for g in r.gates)


@pytest.mark.parametrize("k", [k for k in KEY if "plan" in k], ids=[k["file"] for k in KEY if "plan" in k])
def test_filing_plan_types(k: dict[str, object]) -> None:
    plan = report(str(k["file"])).filing_plan
    assert plan is not None and plan.types == k["plan"]


def test_plan_categories_and_route() -> None:
    chem = report("chem-excellent.txt").filing_plan
    assert chem is not None and [c.kind for c in chem.categories] == ["composition", "process", "use"]
    sw = report("sw-excellent.md").filing_plan
    assert sw is not None and [c.kind for c in sw.categories] == ["process", "system", "medium"]
    mech = report("mech-excellent.md").filing_plan
    assert mech is not None and mech.same_day and [c.kind for c in mech.categories] == ["product", "process"]
    assert mech.route == "domestic"
    src = read_disclosure(FOLDER / "mech-excellent.md")
    pct = score_disclosure(src, panel={"pct": 1.0}).filing_plan
    assert pct is not None and pct.route == "pct" and any("第19条" in r for r in pct.reasons)


def test_no_quote_is_cut_inside_a_word() -> None:
    checked = 0
    for k in KEY:
        r = report(k["file"])
        lines = (FOLDER / k["file"]).read_text(encoding="utf-8").split("\n")
        quotes = [e for c in r.criteria for e in c.result.evidence] + [x.evidence for x in r.risks]
        quotes += r.prior_art.points if r.prior_art else []
        for e in quotes:
            checked += 1
            assert is_whole_words(lines[e.line - 1], e.quote), (k["file"], e.quote)
    assert checked > 200


def test_clause_bounds() -> None:
    t = "与现有技术相比，涂层的摩擦系数由0.38降至0.12，耐磨性提高了35%。实施例2中温度为80℃。"
    i = t.index("提高了35%")
    a, b = clause_bounds(t, i, i + 6, width=20)
    assert t[a:b] == "耐磨性提高了35%。"
    a, b = clause_bounds(t, i, i + 6, width=80)
    assert t[a:b] == "与现有技术相比，涂层的摩擦系数由0.38降至0.12，耐磨性提高了35%。"
    long = (
        "所述清洗机器人包括机体以及设置在机体前端的旋转刷头和设置在机体后端的驱动轮组和设置在机体内部的控制器和电池组"
    )
    i = long.index("控制器")
    a, b = clause_bounds(long, i, i + 3, width=20)
    assert b - a <= 20 and a <= i and is_whole_words(long, long[a:b])
    assert not is_whole_words(t, "高了35")


def test_headings_as_written() -> None:
    text = (
        "# 技术交底书\n**发明名称**：一种散热装置\n## 一、技术领域\n本实用新型涉及散热。\n## 二、背景技术及其缺陷\n"
        "CN109365323A公开了一种散热器，其缺点是散热效率低。\n### 三、实用新型内容\n一种散热装置，包括翅片。\n"
        "第四部分 有益效果\n散热效率提高了20%。\n五、关键点和欲保护点\n翅片的排列方式。\n公开情况：无。\n"
    )
    d = split_disclosure(SourceText(text))
    assert d.title == "一种散热装置"
    assert {"field", "background", "solution", "effects", "key-points", "status"} <= d.present
    assert [b.section for b in d.blocks if "CN109365323A" in b.text] == ["background"]
    pa = prior_art(d, {})
    assert pa.score == 1.0 and "1 cited document(s)" in pa.detail


def test_quantified_comparisons_and_preferences() -> None:
    text = (
        "有益效果\n摩擦系数由3.2降至0.21，加工时间从120min缩短到45min，良品率提高了35%。\n"
        "具体实施方式\n温度优选为80～120℃，最优选为100℃，压力为0.5～0.8MPa。\n"
    )
    d = split_disclosure(SourceText(text))
    res = effects_data(d, {})
    assert "3 quantified comparisons" in res.detail
    r = score_disclosure(SourceText(text))
    clarity = next(c for c in r.criteria if c.result.name == "clarity")
    assert clarity.result.score == 1.0  # 优选 is normal in a disclosure


@pytest.mark.parametrize(
    "sentence",
    [
        "现有的清扫机器人已广泛应用于大型光伏电站。",  # the prior art in use
        "本方案尚未发表，也未在展会上展出。",  # negated
        "该算法提高了数据传输的保密性。",  # 保密性 is an effect
        "样机在实验室内试用，预计寿命可达12个月。",  # a trial, no 已
    ],
)
def test_traps_raise_no_risk(sentence: str) -> None:
    text = f"技术领域\n本发明涉及一种装置。\n技术方案\n装置包括底座和支架，底座上设有电机。\n{sentence}\n"
    assert find_risks(split_disclosure(SourceText(text))) == []


def test_future_exhibition_is_a_warning() -> None:
    text = "技术方案\n装置包括底座和支架。\n其他情况\n本产品计划于明年3月在国际机床展览会上展出。\n"
    (risk,) = find_risks(split_disclosure(SourceText(text)))
    assert risk.kind == "prior-disclosure" and risk.severity == "warning"
    assert risk.evidence.quote == "本产品计划于明年3月在国际机床展览会上展出。"


def test_key_points_and_prior_art_comparer() -> None:
    src = read_disclosure(FOLDER / "mech-excellent.md")
    d = split_disclosure(src)
    points = key_points(d)
    assert len(points) == 4 and points[0].quote.startswith("铰接摆臂")
    prior = (FOLDER / "prior" / "CN-demo-robot-guide.txt").read_text(encoding="utf-8")
    coating = (FOLDER / "prior" / "CN-demo-pi-coating.txt").read_text(encoding="utf-8")
    r = score_disclosure(src, corpus=[("coating", coating), ("robot", prior)])
    assert r.prior_art is not None and r.prior_art.closest is not None
    assert r.prior_art.closest.name == "robot"
    assert 0 in r.prior_art.closest.shown + r.prior_art.closest.partial  # the swing arm and its angle sensor
    assert {1, 2, 3} <= set(r.prior_art.new_points)  # yaw from two measurements, PD correction, back-off
    same = score_disclosure(src, comparer=text_comparer([("itself", src.text)]))
    assert same.prior_art is not None and same.prior_art.prospect == "poor"


def test_cli_json_carries_the_assessment() -> None:
    path = FOLDER / "risk-prior-use.txt"
    prior = FOLDER / "prior" / "CN-demo-robot-guide.txt"
    doc = json.loads(run("score", str(path), "--against", str(prior), "-f", "json").stdout)
    assert {"score", "criteria", "risks", "gates", "prior_art", "filing_plan"} <= set(doc)
    (risk,) = doc["risks"]
    assert risk["kind"] == "prior-disclosure" and risk["source"].startswith("专利法 第22条")
    assert risk["evidence"] in path.read_text(encoding="utf-8")
    assert doc["gates"]["passed"] is False
    assert doc["prior_art"]["closest"] == "CN-demo-robot-guide.txt" and doc["prior_art"]["key_points"]
    assert doc["filing_plan"]["types"] == ["invention", "utility-model"] and doc["filing_plan"]["route"] == "domestic"
    pct = json.loads(run("score", str(path), "--pct", "-f", "json").stdout)
    assert pct["filing_plan"]["route"] == "pct"
    text = run("score", str(path)).stdout
    assert "风险 risk [blocking]" in text and "申请方案 plan" in text


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a text layer (Helvetica, ASCII)."""
    ops = "BT /F1 11 Tf 50 780 Td 14 TL " + " ".join(f"({ln}) '" for ln in lines) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(ops)} >>\nstream\n{ops}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_disclosure(tmp_path: Path) -> None:
    pdf = tmp_path / "disclosure.pdf"
    pdf.write_bytes(minimal_pdf(["Title: Heat sink", "Technical field", "The invention relates to cooling."]))
    src = read_disclosure(pdf)
    assert "Heat sink" in src.text and src.format == "pdf"
    doc = json.loads(run("score", str(pdf), "-f", "json").stdout)
    assert doc["title"] == "Heat sink"
    with pytest.raises(InputError, match="cannot read PDF"):
        read_pdf_bytes(b"%PDF-1.4 broken", "broken.pdf")
    empty = tmp_path / "scan.pdf"
    empty.write_bytes(minimal_pdf([]))
    r = run("score", str(empty))
    assert r.returncode == 2 and "no text layer" in r.stderr and "Traceback" not in r.stderr
