"""The command line: exit codes, output formats, config, suppressions, baselines, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

BAD = """1. 一种散热装置，包括底板，所述底板的厚度约为5mm左右。
2. 根据权利要求1所述的散热装置，其特征在于，所述风扇为轴流风扇。
3. 根据权利要求1和2所述的散热装置，其特征在于，所述底板为铜制。
"""
GOOD = """1. 一种散热装置，包括底板和风扇。
2. 根据权利要求1所述的散热装置，其特征在于，所述风扇为轴流风扇。
"""


def run(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        input=stdin,
        timeout=120,
    )


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    p = tmp_path / "draft.txt"
    p.write_text(BAD, encoding="utf-8")
    return p


@pytest.fixture
def good(tmp_path: Path) -> Path:
    p = tmp_path / "good.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


def test_version_and_help() -> None:
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("claimcheck ")
    for cmd in ("parse", "tree", "lint", "rules"):
        h = run(cmd, "--help")
        assert h.returncode == 0 and "Usage" in h.stdout


def test_lint_exit_codes(bad: Path, good: Path) -> None:
    assert run("lint", str(good)).returncode == 0
    r = run("lint", str(bad), "--no-color")
    assert r.returncode == 1
    assert "A001" in r.stdout and "antecedent-basis" in r.stdout and "D003" in r.stdout
    assert f"{bad}:2:" in r.stdout  # path:line:column
    assert "^" in r.stdout and "\x1b[" not in r.stdout  # caret line, no colour when piped
    assert "FAILED" in r.stdout.splitlines()[-1]
    # warnings fail only with --fail-on warning
    assert run("lint", str(bad), "--ignore", "D003,multiple-dependency-alternative").returncode == 0
    assert run("lint", str(bad), "--ignore", "D003", "--fail-on", "warning").returncode == 1


def test_lint_json_is_exact(bad: Path) -> None:
    r = run("lint", str(bad), "-f", "json")
    doc = json.loads(r.stdout)
    assert set(doc) == {"version", "files", "summary"}
    f = doc["files"][0]
    assert f["path"] == str(bad) and f["claims"] == 3
    keys = {
        "rule",
        "code",
        "severity",
        "claim",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
        "message_en",
        "fix",
    }
    for d in f["diagnostics"]:
        assert keys <= set(d)
    ante = next(d for d in f["diagnostics"] if d["rule"] == "antecedent-basis")
    line = BAD.splitlines()[ante["line"] - 1]
    assert line[ante["column"] - 1 : ante["end_column"] - 1] == "所述风扇"
    assert doc["summary"]["errors"] >= 1 and doc["summary"]["failed"] is True


def test_sarif_and_github(bad: Path) -> None:
    sarif = json.loads(run("lint", str(bad), "-f", "sarif").stdout)
    assert sarif["version"] == "2.1.0"
    run0 = sarif["runs"][0]
    assert run0["columnKind"] == "unicodeCodePoints"
    ids = {r["id"] for r in run0["tool"]["driver"]["rules"]}
    assert {"A001", "D003", "C001"} <= ids
    assert all(res["ruleId"] in ids for res in run0["results"])
    gh = run("lint", str(bad), "-f", "github").stdout.splitlines()
    assert any(line.startswith("::error file=") and "title=D003 multiple-dependency-alternative" in line for line in gh)
    assert any(line.startswith("::warning file=") for line in gh)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\x00\x01binary\x00", "binary"),
        (b"<?xml version='1.0'?><claims><claim>", "malformed XML"),
        ("没有权利要求的文本。".encode(), "no claims found"),
    ],
)
def test_bad_input_one_line_exit_2(tmp_path: Path, content: bytes | None, message: str) -> None:
    p = tmp_path / "in.txt"
    if content is not None:
        p.write_bytes(content)
    for cmd in ("parse", "lint", "tree"):
        r = run(cmd, str(p))
        assert r.returncode == 2, (cmd, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr
        assert message in r.stderr or message in r.stdout
        if cmd != "lint":
            assert len(r.stderr.strip().splitlines()) == 1


def test_gbk_input_is_read(tmp_path: Path) -> None:
    p = tmp_path / "gbk.txt"
    p.write_bytes(GOOD.encode("gbk"))
    r = run("parse", str(p), "-f", "json")
    assert r.returncode == 0
    doc = json.loads(r.stdout)
    assert doc["encoding"] == "gb18030" and [c["number"] for c in doc["claims"]] == [1, 2]


def test_parse_json_fields() -> None:
    r = run("parse", str(CORPUS / "cn" / "CN101223695A.txt"), "-f", "json")
    doc = json.loads(r.stdout)
    c = doc["claims"][15]
    assert c["number"] == 16 and c["kind"] == "dependent" and c["refs"] == [12, 13, 14, 15]
    assert c["ref_mode"] == "alternative" and c["category"] == "product" and c["subject"] == "分配机"
    assert {"preamble", "characterizing", "transition", "line", "column", "text"} <= set(c)


def test_tree_formats() -> None:
    path = str(CORPUS / "cn" / "CN86105254A.txt")
    text = run("tree", path).stdout
    assert "钻油井或气井的系统" in text and "方法 method" in text
    mermaid = run("tree", path, "-f", "mermaid").stdout
    assert mermaid.startswith("graph TD") and "c12 --> c13" in mermaid
    dot = run("tree", path, "-f", "dot").stdout
    assert dot.startswith("digraph claims") and "c12 -> c13;" in dot
    doc = json.loads(run("tree", path, "-f", "json").stdout)
    assert doc["claims"][12]["roots"] == [12]


def test_rules_command() -> None:
    r = run("rules")
    assert r.returncode == 0 and "A001" in r.stdout and "antecedent-basis" in r.stdout
    doc = run("rules", "antecedent-basis")
    assert "## What it flags" in doc.stdout and "CN-ANT-001" in doc.stdout
    assert run("rules", "D003").returncode == 0
    wrong = run("rules", "antecedent-basic")
    assert wrong.returncode == 2 and "did you mean 'antecedent-basis'" in wrong.stderr


def test_config_file_and_unknown_keys(tmp_path: Path, bad: Path) -> None:
    (tmp_path / "claimcheck.toml").write_text(
        'ignore = ["multiple-dependency-alternative"]\nfail-on = "warning"\n[severity]\nunclear-term = "error"\n',
        encoding="utf-8",
    )
    doc = json.loads(run("lint", str(bad), "-f", "json").stdout)
    rules = {d["rule"]: d["severity"] for d in doc["files"][0]["diagnostics"]}
    assert "multiple-dependency-alternative" not in rules and rules["unclear-term"] == "error"
    (tmp_path / "claimcheck.toml").write_text('ignroe = ["x"]\n', encoding="utf-8")
    r = run("lint", str(bad))
    assert r.returncode == 2 and "did you mean 'ignore'" in r.stderr
    (tmp_path / "claimcheck.toml").write_text('select = ["antecedent-basic"]\n', encoding="utf-8")
    r = run("lint", str(bad))
    assert r.returncode == 2 and "antecedent-basis" in r.stderr


def test_pyproject_config_and_profile(tmp_path: Path, bad: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nprofile = "house.toml"\n', encoding="utf-8")
    (tmp_path / "house.toml").write_text('[house]\nmax-claims = 2\nforbidden-words = ["底板"]\n', encoding="utf-8")
    doc = json.loads(run("lint", str(bad), "-f", "json").stdout)
    house = [d for d in doc["files"][0]["diagnostics"] if d["rule"] == "house-rules"]
    assert any("house limit of 2" in d["message_en"] for d in house)
    assert any("底板" in d["message"] for d in house)


def test_inline_suppression(tmp_path: Path) -> None:
    p = tmp_path / "s.txt"
    p.write_text(
        "1. 一种夹具，包括底座和卡爪。\n"
        "# claimcheck: ignore[description-reference] 形状只能用附图限定\n"
        "2. 根据权利要求1所述的夹具，其特征在于，所述卡爪的形状如图3所示。\n"
        "<!-- claimcheck: ignore unclear-term -->\n"
        "3. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。\n"
        "# claimcheck: ignore[no-such-rule]\n"
        "4. 根据权利要求1所述的夹具，其特征在于，所述底座为方形。\n",
        encoding="utf-8",
    )
    doc = json.loads(run("lint", str(p), "-f", "json").stdout)
    codes = [(d["code"], d["claim"]) for d in doc["files"][0]["diagnostics"]]
    assert ("C002", 2) not in codes
    assert ("X002", 3) in codes  # the unclear-term suppression matched nothing
    assert any(c == "X003" for c, _ in codes)
    p2 = tmp_path / "unsuppressed.txt"
    p2.write_text(
        p.read_text(encoding="utf-8").replace("# claimcheck: ignore[description-reference] 形状只能用附图限定\n", ""),
        encoding="utf-8",
    )
    doc2 = json.loads(run("lint", str(p2), "-f", "json").stdout)
    assert ("C002", 2) in [(d["code"], d["claim"]) for d in doc2["files"][0]["diagnostics"]]


def test_baseline_survives_renumbering(tmp_path: Path, bad: Path) -> None:
    base = tmp_path / "baseline.json"
    r = run("lint", str(bad), "--write-baseline", str(base))
    assert r.returncode == 0 and base.is_file()
    assert run("lint", str(bad), "--baseline", str(base)).returncode == 0
    # insert a new claim 2 (renumbering the others) and a new defect
    lines = BAD.splitlines()
    new = [lines[0], "2. 根据权利要求1所述的散热装置，其特征在于，所述底板例如为铜制。"]
    new += [lines[1].replace("2.", "3.", 1), lines[2].replace("3.", "4.", 1)]
    bad.write_text("\n".join(new) + "\n", encoding="utf-8")
    doc = json.loads(run("lint", str(bad), "--baseline", str(base), "-f", "json").stdout)
    found = [(d["rule"], d["claim"]) for d in doc["files"][0]["diagnostics"]]
    assert found == [("unclear-term", 2)], found
    assert doc["summary"]["baselined"] >= 3


def test_folder_lint_and_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "sub" / "c.txt").write_bytes(b"\x00\x00")
    r = run("lint", str(tmp_path), "-f", "json")
    doc = json.loads(r.stdout)
    assert len(doc["files"]) == 3 and r.returncode == 2
    assert any("binary" in (f.get("error") or "") for f in doc["files"])


def test_xml_and_docx_lint() -> None:
    r = run("lint", str(CORPUS / "xml" / "EP2716170B2.xml"), "--claims-lang", "en", "-f", "json")
    assert r.returncode == 0 and json.loads(r.stdout)["files"][0]["claims"] == 4


def test_sample_runs_from_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "sample_claims/" in readme.split("\n\n")[1] or "sample_claims/" in readme[:800]
    r = run("lint", str(ROOT / "sample_claims" / "CN86105254A.txt"))
    assert r.returncode in (0, 1) and "claims" in r.stdout


def test_parse_json_gives_all_preceding_claims_as_a_range_not_a_list() -> None:
    from claimcheck.parse import parse_text
    from claimcheck.report.parse_output import parse_json

    text = "1. 一种夹具，包括底座。\n2. 根据权利要求1所述的夹具，其中底座为钢制。\n"
    text += "3. 如前述权利要求中任一项所述的夹具，其中底座为钢制。\n"
    doc = json.loads(parse_json(parse_text(text)))
    one, two, three = doc["claims"]
    assert (one["refs"], two["refs"], two["parents"], two["ancestors"]) == ([], [1], [1], [1])  # plain lists
    assert three["refs"] == {"from": 1, "to": 2, "all_preceding": True}
    assert three["parents"] == {"from": 1, "to": 2}
    many = "1. 一种夹具，包括底座。\n" + "".join(f"{n}. 如前述权利要求中任一项所述的夹具。\n" for n in range(2, 400))
    big = json.loads(parse_json(parse_text(many)))["claims"][-1]
    assert big["parents"] == {"from": 1, "to": 398} and big["ancestors"] == {"from": 1, "to": 398}
    assert len(parse_json(parse_text(many))) < 1000 * 399  # no claim lists the numbers before it (lists: 1.2 MB)
