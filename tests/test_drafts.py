"""Drafts written the way junior agents write them: the planted defects are found, the clean drafts pass.

The drafts and their keys are in ``tests/drafts``; ``benchmarks/drafts_recall.py`` scores them and prints the
figures. Here the same scoring must reach recall 0.9 for every defect type, except the open gaps below, which
must not fall below what they reach today.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from drafts_recall import DRAFTS, TYPES, Draft, Found, detected, load_keys, score  # noqa: E402

FLOOR = 0.9
# defect types whose rules do not yet reach the floor, with the recall they reach now (see the closing note of
# the issue): 所述还原温度 after the verb 还原 is still accepted; a dependent claim repeating its parent's feature
# is not reported as a duplicate
OPEN_GAPS = {"antecedent-never": 5 / 6, "duplicate-claim": 0.5}

DRAFT_LIST = load_keys()


def test_keys_are_well_formed() -> None:
    data = tomllib.loads((DRAFTS / "keys.toml").read_text(encoding="utf-8"))
    files = {d["file"] for d in data["draft"]}
    on_disk = {p.name for p in DRAFTS.glob("*.txt")}
    assert files == on_disk, "every draft is keyed and every key names a draft"
    defective = [d for d in DRAFT_LIST if not d.clean]
    assert len(defective) >= 20 and sum(d.clean for d in DRAFT_LIST) >= 5
    for d in defective:
        claims = d.path.read_text(encoding="utf-8")
        for defect in d.defects:
            assert defect["type"] in TYPES, defect
            assert str(defect.get("text", "")) in claims, (d.path.name, defect)


def test_every_defect_type_is_found() -> None:
    res = score(DRAFT_LIST)
    low = {k: res.recall(k) for k in res.total if res.recall(k) < OPEN_GAPS.get(k, FLOOR) - 1e-9}
    assert not low, (low, res.missed)


def test_clean_drafts_raise_no_warning_or_error() -> None:
    res = score([d for d in DRAFT_LIST if d.clean])
    assert not [(n, f) for n, f in res.clean_findings if f.severity != "info"]


@pytest.mark.parametrize(
    ("found", "hit"),
    [
        ([Found(3, "A001", "warning", "所述激光雷", "", 10, 15)], True),  # overlaps the keyed words
        ([Found(3, "A001", "warning", "所述底座", "", 30, 34)], False),  # elsewhere in the claim
        ([Found(2, "A001", "warning", "所述激光雷达", "", 10, 16)], False),  # another claim
        ([Found(3, "C001", "warning", "激光雷达", "", 12, 16)], False),  # another rule
    ],
)
def test_a_defect_is_found_only_where_it_is(found: list[Found], hit: bool) -> None:
    text = "1. 一种…。所述激光雷达采集……所述底座上。"
    defect: dict[str, object] = {"type": "antecedent-never", "claim": 3, "text": "激光雷达"}
    assert detected(defect, found, text.ljust(40)) is hit


def test_a_clean_draft_with_a_defect_would_fail(tmp_path: Path) -> None:
    bad = tmp_path / "clean-x.txt"
    bad.write_text("1. 一种夹具，包括底座，所述滑块沿所述导轨移动。\n", encoding="utf-8")
    res = score([Draft(bad, "cn-invention", ())])
    assert [f for _, f in res.clean_findings if f.severity != "info"]
