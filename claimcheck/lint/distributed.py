"""Batch lint on a Dask cluster: the same pure function as on one machine, spread over many.

An analytics team linting every publication of a year (about 1.6 million claim sets) runs
:func:`claimcheck.lint.stream.lint_one` on a Dask cluster instead of a home-made one::

    from dask.distributed import Client
    from claimcheck.lint.distributed import dask_lint
    from claimcheck.lint.stream import BatchOptions, iter_inputs
    from claimcheck.report.stream_output import renderer

    client = Client("tcp://scheduler:8786")   # or a LocalCluster
    options = BatchOptions(render=renderer("jsonl"))
    for outcome in dask_lint(iter_inputs([Path("/data/cn-2024")]), options, client):
        print(outcome.output)

or from the command line, ``claimcheck lint /data/cn-2024 --format jsonl --dask tcp://scheduler:8786``. Files are
sent to the workers in batches (``batch`` files per task, so the scheduler's cost per task is spread), at most
``window`` batches in flight, and outcomes come back in input order, identical to a run on one process. The
workers read the files by path: the collection must be on storage they all see (a shared file system), and
claimcheck must be installed on them. Needs ``pip install "claimcheck[dist]"``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from claimcheck.errors import InputError
from claimcheck.lint.files import LintInput
from claimcheck.lint.stream import BatchOptions, FileOutcome, lint_one


def lint_batch(jobs: list[tuple[LintInput, BatchOptions]]) -> list[FileOutcome]:
    """Lint a batch of files (one Dask task)."""
    return [lint_one(job) for job in jobs]


def connect(scheduler: str, timeout: str = "10s") -> Any:
    """A Dask client: ``local`` (or ``local:N``) starts a cluster of N worker processes here, else an address."""
    try:
        from dask import distributed
    except ImportError:
        raise InputError('--dask needs Dask: pip install "claimcheck[dist]"') from None
    Client: Any = distributed.Client
    LocalCluster: Any = distributed.LocalCluster
    if scheduler == "local" or scheduler.startswith("local:"):
        n = int(scheduler.partition(":")[2] or 0) or None
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster)
    try:
        return Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as e:
        raise InputError(f"--dask {scheduler}: cannot reach the scheduler: {e}") from None


def dask_lint(
    inputs: Iterable[LintInput],
    options: BatchOptions,
    client: Any,
    batch: int = 32,
    window: int | None = None,
) -> Iterator[FileOutcome]:
    """Lint ``inputs`` on the cluster of ``client`` (a ``dask.distributed.Client``), outcomes in input order."""
    window = window or max(2, 2 * sum(client.nthreads().values()))
    it = iter(inputs)
    pending: deque[Any] = deque()
    try:
        while True:
            chunk = [(item, options) for item in islice(it, batch)]
            if chunk:
                pending.append(client.submit(lint_batch, chunk, pure=False))
            if pending and (len(pending) >= window or not chunk):
                yield from pending.popleft().result()
            if not chunk and not pending:
                return
    finally:
        for f in pending:
            f.cancel()
