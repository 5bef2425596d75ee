"""Key points against prior art through ``claimcheck.match``: a document that cannot be compared is *not compared*."""

from __future__ import annotations

import json

from cli_inprocess import run
from conftest import ROOT

from claimcheck.disclose import read_disclosure, score_disclosure
from claimcheck.disclose.prior_art import NOT_COMPARED
from claimcheck.match import read_document
from claimcheck.report.keypoint_match import match_comparer
from claimcheck.report.score_output import score_text

DISCLOSURE = ROOT / "tests" / "disclosures" / "mech-excellent.md"
ROBOT = ROOT / "tests" / "disclosures" / "prior" / "CN-demo-robot-guide.txt"
JAPANESE = ROOT / "tests" / "match_docs" / "CN201094265Y.ja.txt"  # no Japanese dictionary, no translation beside it


def test_a_document_in_another_language_is_not_compared_never_not_shown() -> None:
    docs = [read_document(JAPANESE, "D1"), read_document(ROBOT, "D2")]
    r = score_disclosure(read_disclosure(DISCLOSURE), comparer=match_comparer(docs))
    p = r.prior_art
    assert p is not None and len(p.points) == 4
    by_name = {d.name: d for d in p.documents}
    ja, robot = by_name[JAPANESE.name], by_name[ROBOT.name]
    assert not ja.compared and ja.not_compared == [0, 1, 2, 3]
    assert {m.verdict for m in ja.matches} == {NOT_COMPARED} and ja.shown == ja.partial == []
    assert ja.reason.startswith("未比对：日文文献") and "CN201094265Y.ja.zh.txt" in ja.reason
    # the Chinese document is compared as before, and it alone is the closest
    assert robot.compared and p.closest is robot and 0 in robot.shown + robot.partial
    assert p.not_compared == [ja] and "1篇文献未比对" in p.reason and "日文文献" in p.reason
    text = score_text([r])
    assert f"{JAPANESE.name}: 未比对：日文文献" in text and "(not compared)" in text


def test_no_comparable_document_gives_no_prospect() -> None:
    r = score_disclosure(read_disclosure(DISCLOSURE), comparer=match_comparer([read_document(JAPANESE, "D1")]))
    p = r.prior_art
    assert p is not None and p.closest is None and p.prospect == "unknown"
    assert p.reason.startswith("所提供的文献均未能比对")
    assert p.new_points == [] and p.unverified == [0, 1, 2, 3]  # not compared: neither new nor shown


def test_cli_json_names_the_document_not_compared() -> None:
    out = run("score", str(DISCLOSURE), "--against", str(ROBOT), "--against", str(JAPANESE), "-f", "json")
    assert out.returncode == 0, out.stderr
    pa = json.loads(out.stdout)["prior_art"]
    docs = {d["name"]: d for d in pa["documents"]}
    assert pa["closest"] == ROBOT.name
    ja = docs[JAPANESE.name]
    assert ja["compared"] is False and ja["not_compared"] == [1, 2, 3, 4] and ja["shown"] == ja["partial"] == []
    assert ja["reason"].startswith("未比对") and {m["verdict"] for m in ja["matches"]} == {"not_compared"}
    assert docs[ROBOT.name]["compared"] is True and docs[ROBOT.name]["not_compared"] == []
    assert pa["unverified_points"] == [] and 2 in pa["new_points"]
