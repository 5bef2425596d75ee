"""What a new user meets in the first hour: folders with descriptions, colour, output files, the Word round trip."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import docx_drafts
import pytest
from cli_inprocess import run
from conftest import CORPUS

from claimcheck.lint.files import expand_inputs, expand_paths

CLAIMS = "1. 一种夹具，包括底座和卡爪，所述卡爪安装在所述底座上。\n2. 根据权利要求1所述的夹具，其特征在于，所述卡爪例如为三个。\n"
DESCRIPTION = (
    "一种夹具\n技术领域\n[0001] 本发明涉及一种夹具。\n具体实施方式\n[0002] 夹具包括底座和卡爪，卡爪安装在底座上。\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "drafts"
    (d / "sub").mkdir(parents=True)
    (d / "A.txt").write_text(CLAIMS, encoding="utf-8")
    (d / "A.desc.txt").write_text(DESCRIPTION, encoding="utf-8")
    (d / "A.abstract.txt").write_text("一种夹具，包括底座和卡爪。", encoding="utf-8")
    (d / "sub" / "B.txt").write_text(CLAIMS, encoding="utf-8")
    return d


def test_folder_pairs_claims_with_description_and_abstract(folder: Path) -> None:
    inputs = expand_inputs([folder])
    assert [i.path.name for i in inputs] == ["A.txt", "B.txt"]
    assert inputs[0].description == folder / "A.desc.txt" and inputs[0].abstract == folder / "A.abstract.txt"
    assert inputs[1].description is None and inputs[1].abstract is None
    assert expand_paths([folder / "A.txt"]) == [folder / "A.txt"]
    # lint: the description is read with its claims (the W rules run there), not with the other file
    r = run("lint", str(folder), "--format", "json", "--select", "ALL")
    files = {Path(f["path"]).name: f for f in json.loads(r.stdout)["files"]}
    w_a = {d["code"] for d in files["A.txt"]["diagnostics"] if d["code"].startswith(("W", "X004"))}
    w_b = {d["code"] for d in files["B.txt"]["diagnostics"] if d["code"].startswith("W")}
    assert "X004" not in w_a and not w_b
    a = run("lint", str(folder / "A.txt"), "--description", str(folder / "A.desc.txt"), "-f", "json", "--select", "ALL")
    assert json.loads(a.stdout)["files"][0]["diagnostics"] == files["A.txt"]["diagnostics"]


def test_one_description_for_several_claim_files_is_refused(folder: Path) -> None:
    r = run("lint", str(folder), "--description", str(folder / "A.desc.txt"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().count("\n") == 0 and "--description" in r.stderr and "2 are given" in r.stderr


def test_color_always_when_piped_and_never(folder: Path) -> None:
    coloured = run("lint", str(folder / "A.txt"), "--color", "always")
    assert "\x1b[" in coloured.stdout
    plain = run("lint", str(folder / "A.txt"))
    assert "\x1b[" not in plain.stdout and "C001" in plain.stdout
    assert "\x1b[" not in run("lint", str(folder / "A.txt"), "--color", "always", "--no-color").stdout
    assert run("lint", str(folder / "A.txt"), "--color", "sometimes").returncode == 2


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_lint_output_file(folder: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    r = run("lint", str(folder / "A.txt"), "-f", fmt, "-o", str(out))
    assert r.returncode == 1 and r.stdout == "" and f"wrote {out}" in r.stderr
    assert "C001" in out.read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    same = run("lint", str(folder / "A.txt"), "-o", str(folder / "A.txt"))
    assert same.returncode == 2 and "never overwritten" in same.stderr
    assert (folder / "A.txt").read_text(encoding="utf-8") == CLAIMS


def test_lint_format_docx_writes_the_reviewed_copy(tmp_path: Path) -> None:
    draft = docx_drafts.build(tmp_path / "权利要求书草稿.docx", docx_drafts.CLAIMS)
    before = draft.read_bytes()
    out = tmp_path / "reviewed.docx"
    r = run("lint", str(draft), "--format", "docx", "-o", str(out), "--lang", "en")
    assert r.returncode == 1, r.stderr
    assert r.stdout == "" and "4 comment(s)" in r.stderr
    assert draft.read_bytes() == before
    ours = [c for c in docx.Document(str(out)).comments if c.author == "claimcheck"]
    assert len(ours) == 4 and all(c.text.startswith("[") and "Source: " in c.text for c in ours)
    for args, words in (
        ([str(draft), "-f", "docx"], "needs --output"),
        ([str(draft), str(CORPUS / "cn" / "CN112510640A.txt"), "-f", "docx", "-o", str(out)], "exactly one .docx"),
        ([str(CORPUS / "cn" / "CN112510640A.txt"), "-f", "docx", "-o", str(out)], "exactly one .docx"),
    ):
        bad = run("lint", *args)
        assert bad.returncode == 2 and words in bad.stderr and "Traceback" not in bad.stderr


def test_support_columns_align_for_chinese_terms() -> None:
    from types import SimpleNamespace

    from rich.cells import cell_len

    from claimcheck.report.support_output import support_text

    para = SimpleNamespace(cite="¶5", section="embodiments")
    rows = [
        (SimpleNamespace(text="底座", claim=1), [para], []),
        (SimpleNamespace(text="外倾角度卡止位", claim=6), [], [para]),
        (SimpleNamespace(text="PTC加热片", claim=12), [], []),
    ]
    lines = support_text(rows).splitlines()
    starts = [cell_len(line[: line.index(mark)]) for line, mark in zip(lines, ("¶5", "ONLY", "NOT"), strict=False)]
    assert len(set(starts)) == 1, lines
    assert lines[-1] == "1 of 3 claim terms found in the description"


def test_readme_support_example_is_current() -> None:
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ claimcheck support ", 1)[1].split("```", 1)[0]
    command, *shown = block.splitlines()
    r = run("support", *command.split(), cwd=ROOT)
    real = r.stdout.splitlines()
    for line in shown:
        assert line.strip() == "…" or line in real, line


def test_every_rule_has_chinese_documentation() -> None:
    from claimcheck.report.rule_docs import chinese_docs
    from claimcheck.rules import ALL_RULES
    from claimcheck.rules.house import HouseRulesRule

    docs = chinese_docs()
    han = re.compile(r"[\u4e00-\u9fff]")
    missing = [r.name for r in [*ALL_RULES, HouseRulesRule] if r.name not in docs]
    assert not missing, f"add a Chinese summary and reason to claimcheck/report/rules_zh.toml for: {missing}"
    for name, entry in docs.items():
        assert set(entry) == {"summary", "why"}, name
        assert all(han.search(v) and v.endswith("。") for v in entry.values()), name


def test_rules_command_prints_chinese_and_english() -> None:
    r = run("rules", "C002")
    assert r.returncode == 0
    assert "说明：权利要求依赖说明书或附图" in r.stdout and "理由：" in r.stdout and "## What it flags" in r.stdout


def test_description_findings_point_at_the_term() -> None:
    from claimcheck.lint.config import Config

    flagged = {}
    for name in ("CN117439507A", "CN101243817A"):
        claims, desc = CORPUS / "cn" / f"{name}.txt", CORPUS / "cn" / f"{name}.desc.txt"
        from claimcheck.lint.engine import lint_paths

        result = lint_paths([claims], config_for=lambda _p: Config(select=["W003", "W007"]), description_path=desc)[0]
        for d in result.diagnostics:
            assert d.where is not None
            flagged[(name, d.code, d.message_en)] = d.where.text[d.span.start : d.span.end]
    assert (
        flagged[("CN117439507A", "W003", "the description uses numeral 1 for both '安装支架' and '光伏板面'")]
        == "光伏板面1"
    )
    refers = "the description refers to figure 5 (¶27) but the description of the drawings lists none"
    assert flagged[("CN101243817A", "W007", refers)] == "图5"
    assert all(len(text) <= 12 for text in flagged.values()), flagged


def test_docx_findings_located_as_in_word_and_revisions_option(tmp_path: Path) -> None:
    draft = docx_drafts.build(tmp_path / "tracked.docx", docx_drafts.TRACKED)
    accepted = json.loads(run("lint", str(draft), "-f", "json", "--select", "A001,C002").stdout)
    (c002,) = accepted["files"][0]["diagnostics"]
    assert c002["code"] == "C002"
    assert c002["word"] == {"paragraph": 4, "claim": 3, "first_words": "3.根据权利要求1所述的散热…"}
    text = run("lint", str(draft), "--select", "A001,C002", "--revisions", "original").stdout
    assert "A001" in text and "C002" not in text
    assert "= Word 中位置：第3段，权利要求2，段首“2.根据权利要求1所述的散热…”" in text
