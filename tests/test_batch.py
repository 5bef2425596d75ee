"""Batch lint: streamed file by file, on several processes, identical to the one-report path."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, corpus_claim_files

from claimcheck.lint.config import ConfigResolver
from claimcheck.lint.engine import Report, lint_paths
from claimcheck.lint.files import expand_inputs
from claimcheck.lint.stream import BatchOptions, Totals, iter_inputs, lint_one, stream_lint
from claimcheck.parallel import ordered_map
from claimcheck.report.formatters import FORMATTERS
from claimcheck.report.stream_output import renderer, write_stream

DRAFT = """1. 一种散热装置，包括底板，所述底板的厚度约为5mm左右。
2. 根据权利要求1所述的散热装置，其特征在于，所述风扇为轴流风扇。
3. 根据权利要求1和2所述的散热装置，其特征在于，所述底板为铜制。
"""


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Claim sets in nested folders: CN with descriptions beside them, EN, XML, a draft, an unreadable file."""
    root = tmp_path_factory.mktemp("batch") / "drafts"
    names = {"CN117439507A", "CN101243817A", "CN86105254A", "EP3383757B1", "US4254395A", "EP2716170B2"}
    for f in (f for f in corpus_claim_files() if f.stem in names):
        sub = root / f.parent.name / ("a" if f.stem < "E" else "b")
        sub.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, sub)
        desc = f.with_name(f.stem + ".desc.txt")
        if desc.is_file():
            shutil.copy(desc, sub)
    (root / "cn" / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (root / "cn" / "notes.txt").write_text("会议纪要：下周讨论。\n", encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.txt").write_text(DRAFT, encoding="utf-8")
    return root


def square(x: int) -> int:
    return x * x


def test_ordered_map_keeps_input_order_with_a_bounded_window() -> None:
    assert list(ordered_map(square, range(50), jobs=2, window=3)) == [x * x for x in range(50)]
    assert list(ordered_map(square, iter(range(5)), jobs=1)) == [0, 1, 4, 9, 16]


def test_lazy_inputs_are_the_inputs_of_a_lint_run(tree: Path) -> None:
    lazy = list(iter_inputs([tree, tree / "cn" / "draft.txt"]))
    assert lazy == expand_inputs([tree, tree / "cn" / "draft.txt"])
    assert any(i.description is not None for i in lazy)
    assert not any(".hidden" in i.path.parts for i in lazy)


def test_lazy_inputs_do_not_follow_a_linked_folder_as_a_lint_run_does_not(tmp_path: Path) -> None:
    real = tmp_path / "drafts" / "real"
    real.mkdir(parents=True)
    (real / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "drafts" / "loop").symlink_to(tmp_path / "drafts", target_is_directory=True)
    lazy = list(iter_inputs([tmp_path / "drafts"]))
    assert lazy == expand_inputs([tmp_path / "drafts"])
    assert [i.path for i in lazy] == [real / "draft.txt"]


@pytest.fixture(scope="module")
def report(tree: Path) -> Report:
    return Report(lint_paths([tree], config_for=ConfigResolver()))


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_streamed_output_is_the_one_report_output_byte_for_byte(tree: Path, report: Report, fmt: str) -> None:
    expected = FORMATTERS[fmt](report, "both") + "\n"
    out, err = io.StringIO(), io.StringIO()
    outcomes = stream_lint(iter_inputs([tree]), BatchOptions(render=renderer(fmt)), jobs=1)
    totals = write_stream(outcomes, out, fmt, Totals(), errors_to=err)
    assert out.getvalue() == expected
    assert totals.summary() == {k: v for k, v in json.loads(FORMATTERS["json"](report))["summary"].items()}
    assert totals.input_errors == 1 and (fmt == "text" or "notes.txt" in err.getvalue())


def test_two_processes_give_the_same_results_as_one(tree: Path) -> None:
    options = BatchOptions(render=renderer("jsonl"))
    one = list(stream_lint(iter_inputs([tree]), options, jobs=1))
    two = list(stream_lint(iter_inputs([tree]), options, jobs=2, min_files_per_job=1))
    assert [o.output for o in one] == [o.output for o in two]
    assert one == two
    lines = [json.loads(o.output) for o in one]
    assert [x["path"] for x in lines] == [str(i.path) for i in expand_inputs([tree])]
    assert all(x["diagnostics"] or x.get("error") or x["claims"] for x in lines)


def test_each_outcome_is_rendered_where_it_was_linted(tree: Path) -> None:
    item = next(i for i in iter_inputs([tree]) if i.path.name == "draft.txt")
    outcome = lint_one((item, BatchOptions(render=renderer("jsonl"), lang="en", output_lang="en")))
    entry = json.loads(outcome.output)
    codes = {d["code"] for d in entry["diagnostics"]}
    assert {"C001", "D003", "A001"} <= codes
    assert outcome.errors == sum(d["severity"] == "error" for d in entry["diagnostics"]) > 0
    assert outcome.claims == 3


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


def test_lint_jsonl_and_jobs_from_the_command_line(tree: Path, tmp_path: Path) -> None:
    two = run("lint", str(tree), "--format", "jsonl", "--jobs", "2")
    assert two.returncode == 2  # notes.txt has no claims
    lines = [json.loads(line) for line in two.stdout.splitlines()]
    assert [x["path"] for x in lines[:-1]] == [str(i.path) for i in expand_inputs([tree])]
    assert lines[-1]["summary"]["files"] == len(lines) - 1 and lines[-1]["summary"]["input_errors"] == 1
    assert "notes.txt" in two.stderr
    out = tmp_path / "findings.jsonl"
    r = run(
        "lint", str(tree / "cn" / "draft.txt"), str(CORPUS / "cn" / "CN201047242Y.txt"), "-f", "jsonl", "-o", str(out)
    )
    assert r.returncode == 1 and r.stdout == "" and "wrote" in r.stderr
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [x["path"] for x in written[:2]] == [str(tree / "cn" / "draft.txt"), str(CORPUS / "cn" / "CN201047242Y.txt")]
    assert not any(d["severity"] == "error" for d in written[1]["diagnostics"])
    assert written[-1]["summary"]["failed"] is True and written[-1]["summary"]["errors"] > 0
