"""Run a function over many inputs on several processes, results in input order, memory bounded.

Only a window of inputs is in flight at a time (a few per worker), so an input stream of any length is mapped
with flat memory, and each result is handed on as soon as it and every earlier one are done.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")


def cpu_count() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def ordered_map(fn: Callable[[T], R], items: Iterable[T], jobs: int = 1, window: int | None = None) -> Iterator[R]:
    """``map(fn, items)`` on ``jobs`` processes (in this process when ``jobs`` is 1), in input order.

    ``fn`` must be a module-level function and its arguments and results picklable. At most ``window`` inputs
    (default four per process) are submitted ahead of the result being waited for.
    """
    if jobs <= 1:
        yield from map(fn, items)
        return
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing is loaded only when processes are started

    window = window or 4 * jobs
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[R]] = deque()
        try:
            for item in items:
                pending.append(pool.submit(fn, item))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:  # the consumer stopped early, or a call failed: drop what has not started
            for f in pending:
                f.cancel()
