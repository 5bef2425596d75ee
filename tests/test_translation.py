"""The translation check: faithful translations pass, every planted defect is found, the CLI quotes both sides."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.errors import InputError
from claimcheck.parse import parse_text
from claimcheck.translation import KINDS, Vocabulary, compare, load_glossary

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "translations"


def _bench() -> ModuleType:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("translation_bench", ROOT / "benchmarks" / "translation.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


BENCH = _bench()
DEFECTS = BENCH.defects()


def test_the_test_set_is_large_enough() -> None:
    assert len(BENCH.pairs()) >= 8 and len(BENCH.reverse_pairs()) >= 3
    assert sum(d.direction == "zh-en" and d.type == "antecedent" for d in DEFECTS) >= 4
    assert sum(d.group == "essentially" for d in DEFECTS) >= 4
    kinds = {d.type for d in DEFECTS}
    assert kinds == set(KINDS), f"no planted defect of {set(KINDS) - kinds}"
    assert all(sum(d.type == k for d in DEFECTS) >= (2 if k == "description-merge" else 4) for k in KINDS)


@pytest.mark.parametrize("pub", BENCH.pairs())
def test_faithful_translation_has_no_finding(pub: str) -> None:
    findings = BENCH.check(pub, (DATA / f"{pub}.zh.txt").read_text(encoding="utf-8"))
    assert findings == [], [f.message_en for f in findings]


@pytest.mark.parametrize("pub", BENCH.reverse_pairs())
def test_faithful_english_translation_of_chinese_claims_has_no_finding(pub: str) -> None:
    findings = BENCH.check(pub, (DATA / "zh-en" / f"{pub}.en.txt").read_text(encoding="utf-8"), DATA, "zh-en")
    assert findings == [], [f.message_en for f in findings]


@pytest.mark.parametrize("defect", DEFECTS, ids=[f"{d.pair}-{d.label}-{d.claim}".replace(" ", "-") for d in DEFECTS])
def test_planted_defect_is_found(defect: object) -> None:
    findings = BENCH.check_defect(defect)
    assert BENCH.found(defect, findings), [f"{f.kind} {f.claim}: {f.message_en}" for f in findings]


def test_every_finding_quotes_both_sides_verbatim() -> None:
    d = next(x for x in DEFECTS if x.type == "term-merge" and x.pair == "US4254395A")
    zh = BENCH.planted(d)
    en = (DATA / f"{d.pair}.en.txt").read_text(encoding="utf-8")
    findings = BENCH.check(d.pair, zh)
    f = next(x for x in findings if x.kind == "term-merge")
    assert f.original is not None and f.translation is not None
    assert en[f.original.span.start : f.original.span.end] == f.original.text == "member"
    assert zh[f.translation.span.start : f.translation.span.end] == f.translation.text
    assert "膜片" in f.translation.text


def test_reverse_direction_english_translation_of_chinese_original() -> None:
    zh = parse_text((DATA / "EP3782854A1.zh.txt").read_text(encoding="utf-8"))
    en_text = (DATA / "EP3782854A1.en.txt").read_text(encoding="utf-8")
    assert compare(zh, parse_text(en_text)) == []
    changed = en_text.replace(
        "11. A vehicle, comprising the vehicular display assembly according to any one of claims 1 to 10.",
        "11. A vehicle, consisting of the vehicular display assembly according to any one of claims 1 to 10.",
    )
    kinds = {(f.kind, f.claim) for f in compare(zh, parse_text(changed))}
    assert ("transition", 11) in kinds


def test_german_original_from_epo_xml_structural_checks() -> None:
    from claimcheck.parse import parse_source
    from claimcheck.readers import read_path

    german = parse_source(read_path(ROOT / "tests" / "corpus" / "xml" / "EP2716170B2.xml", lang="de"))
    zh = (DATA / "EP2716170B2.zh.txt").read_text(encoding="utf-8")
    assert compare(german, parse_text(zh)) == []
    bad = zh.replace("布置在分切机构(15)之后", "布置在分切机构(16)之后")
    kinds = {(f.kind, f.claim) for f in compare(german, parse_text(bad))}
    assert kinds == {("sign", 4)}


def test_glossary_files(tmp_path: Path) -> None:
    tsv = tmp_path / "terms.tsv"
    tsv.write_text("# firm list\ntensioning roller\t张紧辊\ndeflection means = 偏转装置\n", encoding="utf-8")
    assert load_glossary(tsv) == [("tensioning roller", "张紧辊"), ("deflection means", "偏转装置")]
    toml = tmp_path / "terms.toml"
    toml.write_text('[terms]\n"radical initiator" = ["自由基引发剂", "游离基引发剂"]\n', encoding="utf-8")
    vocab = Vocabulary.shipped().with_glossary(load_glossary(toml))
    assert vocab.glossary["radical initiator"] == ["自由基引发剂", "游离基引发剂"]
    bad = tmp_path / "bad.tsv"
    bad.write_text("just one column\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tsv:1"):
        load_glossary(bad)


def test_cli_text_json_and_bad_input(tmp_path: Path) -> None:
    runner = CliRunner()
    d = next(x for x in DEFECTS if x.type == "dependency" and x.pair == "EP1325900A1")
    bad = tmp_path / "bad.zh.txt"
    bad.write_text(BENCH.planted(d), encoding="utf-8")
    original = str(DATA / "EP1325900A1.en.txt")
    ok = runner.invoke(app, ["translation", str(DATA / "EP1325900A1.zh.txt"), "--original", original])
    assert ok.exit_code == 0, ok.output
    res = runner.invoke(
        app, ["translation", str(bad), "--original", original, "--glossary", str(DATA / "glossary.tsv")]
    )
    assert res.exit_code == 1
    assert "dependency (claim 3)" in res.stdout and "权利要求1和2" in res.stdout and "Claim 1 or 2" in res.stdout
    js = runner.invoke(app, ["translation", str(bad), "--original", original, "--format", "json"])
    data = json.loads(js.stdout)
    assert data["findings"][0]["kind"] == "dependency"
    assert data["findings"][0]["original"]["line"] == 5 and data["findings"][0]["translation"]["line"] == 5
    for args, said in (
        ([original, "--original", original], "both in 'en'"),
        ([str(bad), "--original", str(tmp_path / "none.txt")], "none.txt"),
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "claimcheck", "translation", *args], capture_output=True, text=True, check=False
        )
        assert proc.returncode == 2 and said in proc.stderr and "Traceback" not in proc.stderr
