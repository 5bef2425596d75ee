"""Batch lint on a Dask cluster: the same outcomes as on one process, in the same order."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CORPUS

from claimcheck.errors import InputError
from claimcheck.lint.stream import BatchOptions, iter_inputs, stream_lint
from claimcheck.report.stream_output import renderer

distributed = pytest.importorskip("dask.distributed", reason="Dask is not installed: pip install '.[dist]'")
from claimcheck.lint.distributed import connect, dask_lint  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


def test_dask_gives_the_single_process_outcomes_in_order(client: object, tmp_path: Path) -> None:
    for name in ("CN117439507A", "CN101243817A", "CN86105254A", "CN218546910U"):
        shutil.copy(CORPUS / "cn" / f"{name}.txt", tmp_path)
    shutil.copy(CORPUS / "en" / "US4254395A.txt", tmp_path)
    (tmp_path / "empty.txt").write_text("会议纪要\n", encoding="utf-8")
    options = BatchOptions(render=renderer("jsonl"))
    local = list(stream_lint(iter_inputs([tmp_path]), options, jobs=1))
    on_dask = list(dask_lint(iter_inputs([tmp_path]), options, client, batch=2, window=2))
    assert on_dask == local
    assert [json.loads(o.output)["path"] for o in on_dask] == sorted(str(p) for p in tmp_path.iterdir())
    assert sum(o.error is not None for o in on_dask) == 1


def test_an_unreachable_scheduler_is_a_one_line_error() -> None:
    with pytest.raises(InputError, match="cannot reach the scheduler"):
        connect("tcp://127.0.0.1:1", timeout="0.5s")


def test_the_command_path_writes_jsonl_from_the_cluster(client: object, tmp_path: Path) -> None:
    from claimcheck.cli.lint_batch import run_batch
    from claimcheck.model.diagnostic import Severity

    draft = tmp_path / "draft.txt"
    draft.write_text(
        "1. 一种散热装置，包括底板。\n2. 根据权利要求1和3所述的散热装置，其特征在于，所述底板为铜制。\n", "utf-8"
    )
    out = tmp_path / "out.jsonl"
    address = client.scheduler.address  # type: ignore[attr-defined]
    rc = run_batch(
        [draft],
        total=1,
        fmt="jsonl",
        color=False,
        output=out,
        jobs=None,
        dask=address,
        fail_on=Severity.ERROR,
        output_lang="both",
        options={},
    )
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rc == 1 and lines[-1]["summary"]["errors"] >= 1
    assert {d["code"] for d in lines[0]["diagnostics"]} >= {"D001"}
