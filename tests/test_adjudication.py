"""The precision benchmark's inputs: the adjudication table and the hold-out documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "benchmarks" / "adjudicated.tsv"
HOLDOUT = ROOT / "benchmarks" / "holdout"
COLUMNS = ["corpus", "file", "claim", "code", "severity", "text", "verdict", "reason"]


def table_rows() -> list[list[str]]:
    """The table's rows without the header."""
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == COLUMNS
    return [line.split("\t") for line in lines[1:] if line.strip()]


def holdout_table() -> list[tuple[str, str, int]]:
    """(claims file, publication, claim count) for each row of the hold-out README table."""
    readme = (HOLDOUT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\S+\.txt), \S+\.desc\.txt \| (\w+) \|[^|]*\| \w+ \| [\d-]+ \| (\d+) \|", readme, re.M)
    return [(f, pub, int(n)) for f, pub, n in rows]


def test_table_is_well_formed() -> None:
    rows = table_rows()
    assert rows
    keys: set[tuple[str, ...]] = set()
    for n, row in enumerate(rows, start=2):
        assert len(row) == len(COLUMNS), f"line {n}: {len(row)} columns"
        corpus, file, claim, code, severity, text, verdict, reason = row
        assert corpus in ("cn", "en", "xml", "holdout"), f"line {n}: corpus {corpus!r}"
        assert re.fullmatch(r"\w+\.(txt|xml)", file), f"line {n}: file {file!r}"
        assert claim == "-" or claim.isdigit(), f"line {n}: claim {claim!r}"
        assert re.fullmatch(r"[A-Z]\d{3}", code), f"line {n}: code {code!r}"
        assert severity in ("warning", "error"), f"line {n}: severity {severity!r}"
        assert text.strip(), f"line {n}: empty text"
        assert verdict in ("T", "A", "F"), f"line {n}: verdict {verdict!r}"
        assert reason.strip(), f"line {n}: no reason"
        key = (corpus, file, claim, code, text)
        assert key not in keys, f"line {n}: duplicate key {key}"
        keys.add(key)


def test_table_files_exist() -> None:
    folders = {
        "cn": ROOT / "tests" / "corpus" / "cn",
        "en": ROOT / "tests" / "corpus" / "en",
        "xml": ROOT / "tests" / "corpus" / "xml",
        "holdout": HOLDOUT,
    }
    for row in table_rows():
        folder = folders[row[0]]
        if folder.is_dir():  # the shared corpus may be absent from a fresh clone
            assert (folder / row[1]).is_file(), f"{row[0]}/{row[1]} is not there"


def test_holdout_readme_lists_every_file() -> None:
    listed = holdout_table()
    assert len(listed) >= 10
    names = {f for f, _, _ in listed}
    on_disk = {p.name for p in HOLDOUT.glob("*.txt") if not p.name.endswith(".desc.txt")}
    assert names == on_disk
    for f, pub, _ in listed:
        assert f == f"{pub}.txt"
        assert (HOLDOUT / f).is_file()
        assert (HOLDOUT / f"{pub}.desc.txt").is_file()


@pytest.mark.parametrize(("name", "count"), [(f, n) for f, _, n in holdout_table()])
def test_holdout_claims_are_numbered_as_listed(name: str, count: int) -> None:
    text = (HOLDOUT / name).read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    numbers = [int(m.group(1)) for p in paragraphs if (m := re.match(r"(\d+)\s*[.、．]", p))]
    assert numbers == list(range(1, count + 1))
    assert len(paragraphs) == count
