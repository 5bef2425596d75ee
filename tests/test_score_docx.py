"""``claimcheck score --format docx``: the Chinese score sheet on A4, read back with python-docx."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
from cli_inprocess import run
from conftest import ROOT

from claimcheck.disclose.risks import KIND_ZH
from claimcheck.report.docx_page import page_size_mm
from claimcheck.report.score_docx import detail_zh
from claimcheck.report.score_output import CRITERION_ZH

FOLDER = ROOT / "tests" / "disclosures"
PRIOR_USE = FOLDER / "risk-prior-use.txt"
ROBOT = FOLDER / "prior" / "CN-demo-robot-guide.txt"
JAPANESE = ROOT / "tests" / "match_docs" / "CN201094265Y.ja.txt"


def texts(path: Path) -> str:
    """Every paragraph and table cell of the document, one per line."""
    d = docx.Document(str(path))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def test_score_sheet_is_a4_chinese_and_carries_the_assessment(tmp_path: Path) -> None:
    out = tmp_path / "评分表.docx"
    against = ["--against", str(ROBOT), "--against", str(JAPANESE)]
    r = run("score", str(PRIOR_USE), *against, "-f", "docx", "-o", str(out))
    assert r.returncode == 0 and r.stdout == "", r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["评分表.docx"]  # written atomically, nothing left beside it
    report = json.loads(run("score", str(PRIOR_USE), *against, "-f", "json").stdout)

    document = docx.Document(str(out))
    assert page_size_mm(document) == (210.0, 297.0)
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "宋体"
    text = texts(out)
    lines = text.splitlines()
    # the title block names the disclosure and the prior art (对比文件N: publication number or file name)
    assert lines[0] == "技术交底书评分表"
    assert "技术交底书：risk-prior-use.txt" in lines and "对比文件1：CN-demo-robot-guide.txt" in lines
    assert "对比文件2：CN201094265Y" in lines
    assert f"{report['score']:.1f}/100（{report['verdict_zh']}）" in text
    for c in report["criteria"]:  # every criterion, in Chinese, with its detail in Chinese
        assert CRITERION_ZH[c["name"]] in text
        assert detail_zh(c["detail"]) in text and (detail_zh(c["detail"]) or not c["detail"])
    risk = report["risks"][0]
    assert f"{KIND_ZH[risk['kind']]}（阻碍申请）" in text
    assert f"“{risk['evidence']}”" in text and f"法律依据：{risk['source']}" in text
    assert "无阻碍申请的风险\n未通过" in text and "可否进入撰写：暂不可以" in text  # the gates
    for point in report["prior_art"]["key_points"]:
        assert point["quote"] in text
    assert report["prior_art"]["reason"] in text and "未比对：日文文献" in text  # the document not compared
    assert "专利类型：" + " + ".join(report["filing_plan"]["types_zh"]) in text and "申请途径：国内申请" in text
    assert all(q in text for q in report["requests"])
    # Chinese throughout: no English word once the file names are set aside
    rest = re.sub(r"[\w.-]+\.(?:txt|md)", "", text)
    assert re.findall(r"[A-Za-z]{4,}", rest) == []


def test_several_disclosures_are_ranked_and_docx_needs_an_output(tmp_path: Path) -> None:
    out = tmp_path / "round.docx"
    files = [FOLDER / "mech-poor.txt", FOLDER / "mech-excellent.md"]
    assert run("score", *map(str, files), "-f", "docx", "-o", str(out)).returncode == 0
    document = docx.Document(str(out))
    ranking = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert ranking[0] == ["序号", "名称", "得分", "结论", "准入"] and [row[0] for row in ranking[1:]] == ["1", "2"]
    assert float(ranking[1][2]) > float(ranking[2][2])
    lines = [p.text for p in document.paragraphs]
    assert "技术交底书1：mech-excellent.md" in lines and "技术交底书2：mech-poor.txt" in lines
    assert any(p.startswith("一、") for p in lines) and any(p.startswith("二、") for p in lines)
    refused = run("score", str(files[0]), "-f", "docx")
    assert refused.returncode == 2 and refused.stderr.strip().count("\n") == 0 and "--output" in refused.stderr


def test_details_in_chinese() -> None:
    assert detail_zh("6/7 sections") == "7个部分中已写6个"
    assert detail_zh("panel: 4/5") == "专家评分4/5"
    assert detail_zh("an unknown English detail") == ""
