"""Every real claim set parses completely: no claim lost or merged, every reference resolved."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CORPUS, corpus_claim_files

from claimcheck.model import Category, Kind
from claimcheck.parse import parse_source
from claimcheck.readers import read_path

FILES = corpus_claim_files()


def _last_number_in_source(path: Path) -> int:
    if path.suffix == ".xml":
        nums = re.findall(rb'<claim id="[^"]*" num="0*(\d+)"', path.read_bytes())
        return max(int(n) for n in nums)
    nums = re.findall(r"^(\d+)\s*[.、]", path.read_text(encoding="utf-8"), re.M)
    return max(int(n) for n in nums)


def test_corpus_is_present() -> None:
    assert len(FILES) >= 30


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_parses_every_claim(path: Path) -> None:
    cs = parse_source(read_path(path))
    numbers = [c.number for c in cs]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(cs) == _last_number_in_source(path)
    # no claim merged into another: no claim text holds another claim's label at a line start
    for c in cs:
        assert not re.search(rf"\n\s*{c.number + 1}\s*[.、]\s*\S", c.text), c.number
    # every reference resolves to an earlier claim
    for c in cs:
        for n in c.refs:
            assert cs.get(n) is not None and n < c.number, (c.number, n)
        if c.kind is Kind.DEPENDENT:
            assert c.refs, c.number
    assert cs.get(1) is not None and cs.get(1).kind is Kind.INDEPENDENT  # type: ignore[union-attr]


# categories and kinds of independent claims, checked by hand against the published text
EXPECTED: dict[str, dict[int, tuple[str, str | None]]] = {
    "CN101100502A.txt": {1: ("product", "B阶段环氧树脂溶液"), 2: ("method", None)},
    "CN112510640A.txt": {1: ("method", "发电厂继电保护整定计算方法"), 2: ("product", "发电厂继电保护整定计算系统")},
    "CN86105254A.txt": {
        1: ("product", "钻油井或气井的系统"),
        5: ("product", None),
        11: ("method", None),
        12: ("method", None),
    },
    "CN201047242Y.txt": {1: ("product", "平开窗用纱窗")},
    "CN201094265Y.txt": {1: ("product", "巴旦姆破壳机")},
    "CN85202237U.txt": {1: ("product", "小大双链两档自行车")},
    "CN218546910U.txt": {1: ("product", "配电网故障定点仪")},
    "CN101223695A.txt": {1: ("product", None)},
    "EP0546210B2.txt": {1: ("product", None), 19: ("method", "method for heat treating a metal casting")},
    "US6675175B2.txt": {1: ("method", None), 6: ("product", None), 11: ("method", None), 12: ("product", None)},
    "EP3882354A2.txt": {
        1: ("product", None),
        6: ("product", None),
        7: ("product", "vector"),
        8: ("product", "host cell"),
        9: ("method", None),
        10: ("product", "composition"),
        11: ("method", None),
    },
    "EP1451194B2.txt": {1: ("method", "method for preparing levofloxacin hemihydrate")},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_independent_categories_checked_by_hand(name: str) -> None:
    sub = "en" if name.startswith(("EP", "US")) else "cn"
    cs = parse_source(read_path(CORPUS / sub / name))
    independent = {c.number for c in cs.independent}
    assert independent == set(EXPECTED[name]), independent
    for number, (category, subject) in EXPECTED[name].items():
        c = cs.get(number)
        assert c is not None
        assert c.category is Category(category)
        if subject is not None:
            assert c.subject is not None and c.subject.text == subject


def test_reference_forms_in_corpus() -> None:
    cs = parse_source(read_path(CORPUS / "cn" / "CN101223695A.txt"))
    c7 = cs.get(7)
    assert c7 is not None and c7.refs == tuple(range(1, 7)) and c7.ref_mode.value == "alternative"
    c15 = cs.get(15)
    assert c15 is not None and c15.refs == (13, 14) and c15.ref_mode.value == "alternative"
    c16 = cs.get(16)
    assert c16 is not None and c16.refs == (12, 13, 14, 15)
    # an independent claim of another category that refers to claim 1 is not a dependent claim
    cs2 = parse_source(read_path(CORPUS / "cn" / "CN101100502A.txt"))
    c2 = cs2.get(2)
    assert c2 is not None and c2.kind is Kind.INDEPENDENT and c2.mentions == (1,) and c2.refs == ()
    assert [a.number for a in cs2.basis_claims(c2)] == [1]


def _numbers(cell: str) -> tuple[int, ...]:
    """``1,3-5`` as (1, 3, 4, 5); ``-`` as ()."""
    if cell == "-":
        return ()
    out: list[int] = []
    for part in cell.split(","):
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return tuple(out)


def _table() -> dict[str, list[tuple[int, tuple[int, ...], str, bool]]]:
    rows: dict[str, list[tuple[int, tuple[int, ...], str, bool]]] = {}
    lines = (CORPUS / "references.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["file", "claim", "references", "mode", "all_preceding"]
    for line in lines[1:]:
        name, number, refs, mode, preceding = line.split("\t")
        rows.setdefault(name, []).append((int(number), _numbers(refs), mode, preceding == "yes"))
    return rows


REFERENCES = _table()


def test_reference_table_covers_every_claim() -> None:
    assert sorted(REFERENCES) == sorted(str(p.relative_to(CORPUS)) for p in FILES)
    for name, rows in REFERENCES.items():
        assert [r[0] for r in rows] == list(range(1, len(parse_source(read_path(CORPUS / name))) + 1)), name


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_references_match_hand_checked_table(name: str) -> None:
    cs = parse_source(read_path(CORPUS / name))
    for number, refs, mode, preceding in REFERENCES[name]:
        c = cs.get(number)
        assert c is not None
        got = (tuple(dict.fromkeys(c.refs)), c.ref_mode.value if c.refs else "-")
        assert got == (tuple(dict.fromkeys(refs)), mode), (name, number)
        assert (c.kind is Kind.DEPENDENT) is bool(refs), (name, number)
        assert bool(c.refs and c.reference is not None and c.reference.all_preceding) is preceding, (name, number)


def test_xml_matches_text_version() -> None:
    xml = parse_source(read_path(CORPUS / "xml" / "EP3782854A1.xml"))
    txt = parse_source(read_path(CORPUS / "en" / "EP3782854A1.txt"))
    assert [(c.number, c.refs, c.kind) for c in xml] == [(c.number, c.refs, c.kind) for c in txt]
