"""Whole applications: splitting, XML descriptions, the support table, claim diffs and added matter."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS
from seeding_application import application_text
from test_cli import run

from claimcheck.application import load_application
from claimcheck.diff import check_added_matter, pair_claims
from claimcheck.parse import parse_text

DATA = Path(__file__).parent / "data"


def test_whole_application_in_one_file(tmp_path: Path) -> None:
    p = tmp_path / "app.txt"
    text = application_text("CN119696475A")
    p.write_text(text, encoding="utf-8")
    app = load_application(p)
    assert [c.number for c in app.claims] == list(range(1, 9))
    assert app.description is not None and app.description.title == "分布式光伏电站"
    assert {"field", "background", "summary", "drawings", "embodiments"} <= app.description.sections
    assert app.abstract is not None and len(app.abstract.text) == 200
    # claim positions still point into the whole file
    c2 = app.claims.get(2)
    assert c2 is not None and text.splitlines()[c2.line - 1].startswith("2.")


def test_missing_sections_are_reported(tmp_path: Path) -> None:
    p = tmp_path / "app.txt"
    p.write_text("权利要求书\n1. 一种夹具，包括底座。\n说明书\n夹具\n具体实施方式\n夹具包括底座。\n", encoding="utf-8")
    doc = json.loads(run("lint", str(p), "-f", "json").stdout)
    missing = [d["message_en"] for d in doc["files"][0]["diagnostics"] if d["code"] == "X004"]
    assert any("abstract" in m for m in missing) and any("field" in m for m in missing)


def test_lint_with_separate_description_points_into_it() -> None:
    claims = CORPUS / "cn" / "CN101243817A.txt"
    desc = CORPUS / "cn" / "CN101243817A.desc.txt"
    doc = json.loads(run("lint", str(claims), "--description", str(desc), "-f", "json", "--select", "W").stdout)
    figs = [d for d in doc["files"][0]["diagnostics"] if d["rule"] == "figure-reference"]
    assert figs and all(d["file"] == str(desc) for d in figs)
    line = desc.read_text(encoding="utf-8").splitlines()[figs[0]["line"] - 1]
    assert line.startswith("图4")


def test_support_command() -> None:
    r = run(
        "support",
        str(CORPUS / "cn" / "CN117439507A.txt"),
        "--description",
        str(CORPUS / "cn" / "CN117439507A.desc.txt"),
        "-f",
        "json",
    )
    doc = json.loads(r.stdout)
    assert doc["summary"]["terms"] >= 20 and doc["summary"]["supported"] == doc["summary"]["terms"]
    assert all(t["found_in"][0]["paragraph"].startswith("¶") for t in doc["terms"])
    r2 = run("support", str(CORPUS / "cn" / "CN117439507A.txt"))
    assert r2.returncode == 2 and "no description" in r2.stderr


def test_xml_description_paragraph_numbers(tmp_path: Path) -> None:
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<cn-patent-document><application-body>
<claims><claim num="0001"><claim-text>1.一种夹具，包括底座(1)和导向柱(2)。</claim-text></claim></claims>
<description><invention-title>夹具</invention-title>
<technical-field><p num="0001">本发明涉及一种夹具。</p></technical-field>
<description-of-embodiments><p num="0002">夹具包括底座1，底座1上设有滑槽。</p></description-of-embodiments>
</description>
<abstract><p>本发明公开了一种夹具。</p></abstract>
</application-body></cn-patent-document>"""
    p = tmp_path / "app.xml"
    p.write_text(xml, encoding="utf-8")
    app = load_application(p)
    assert app.description is not None and app.description.title == "夹具"
    assert [x.cite for x in app.description.paragraphs] == ["[0001]", "[0002]"]
    assert app.abstract is not None and app.abstract.text == "本发明公开了一种夹具。"
    doc = json.loads(run("lint", str(p), "-f", "json", "--select", "W").stdout)
    rules = {(d["rule"], d["claim"]) for d in doc["files"][0]["diagnostics"]}
    assert ("description-support", 1) in rules and ("reference-numeral", 1) in rules


def test_diff_pairs_by_content_and_flags_added_matter() -> None:
    old = parse_text((DATA / "amend_old.txt").read_text(encoding="utf-8"))
    new = parse_text((DATA / "amend_new.txt").read_text(encoding="utf-8"))
    changes = pair_claims(old, new)
    assert [(c.new.number if c.new else None, c.old.number if c.old else None, c.status) for c in changes] == [
        (1, 1, "changed"),
        (2, 2, "changed"),
        (None, 3, "deleted"),
    ]
    original = load_application(CORPUS / "cn" / "CN119696475A.txt", description=CORPUS / "cn" / "CN119696475A.desc.txt")
    check_added_matter(changes, original)
    flagged = [lk.feature for c in changes for lk in c.lookups if not lk.found]
    found = [lk for c in changes for lk in c.lookups if lk.found]
    assert flagged == ["所述光伏板表面涂覆石墨烯自清洁涂层"]
    assert any("变径挡块" in lk.feature and lk.where == "claim 2" for lk in found)
    # every quoted passage is verbatim from the original
    sources = [c.flat.text for c in original.claims if c.flat] + [p.text for p in original.description.paragraphs]  # type: ignore[union-attr]
    assert all(any(lk.passage in s for s in sources) for c in changes for lk in c.lookups)


def test_diff_renumbering_only() -> None:
    old = parse_text(
        "1. 一种夹具，包括底座。\n2. 根据权利要求1所述的夹具，所述底座为钢制。\n3. 根据权利要求2所述的夹具，所述底座为方形。\n"
    )
    new = parse_text("1. 一种夹具，包括底座。\n2. 根据权利要求1所述的夹具，所述底座为方形。\n")
    changes = pair_claims(old, new)
    statuses = {(c.new.number if c.new else None, c.old.number if c.old else None): c.status for c in changes}
    # claim 3 lost its parent 2 (deleted) and now depends on 1: a change of scope, not a renumbering
    assert statuses[(2, 3)] == "changed" and statuses[(None, 2)] == "deleted"
    moved = next(c for c in changes if c.new is not None and c.new.number == 2)
    assert moved.dependency is not None and moved.dependency.old_in_new == (None,) and moved.dependency.new_refs == (1,)


def test_diff_cli_formats() -> None:
    args = [str(DATA / "amend_old.txt"), str(DATA / "amend_new.txt")]
    r = run("diff", *args)
    assert r.returncode == 0 and "{+，所述安装板周侧设置多个固定件" in r.stdout
    doc = json.loads(run("diff", *args, "-f", "json").stdout)
    assert doc["claims"][0]["added"] and doc["possible_added_matter"] == []
    page = run("diff", *args, "-f", "html").stdout
    assert page.startswith("<!DOCTYPE html>") and "<ins>" in page
    r2 = run(
        "diff",
        *args,
        "--against-original",
        str(CORPUS / "cn" / "CN119696475A.txt"),
        "--description",
        str(CORPUS / "cn" / "CN119696475A.desc.txt"),
    )
    assert r2.returncode == 1 and "ADDED MATTER?" in r2.stdout
