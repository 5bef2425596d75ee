"""Building and refreshing an index from folders of documents.

Files are read and segmented on several processes (:func:`claimcheck.parallel.ordered_map`) and written by this
one, in one transaction: a reader sees the old index or the new one, never half of it. ``build`` starts from an
empty index (a SQLite index is written to a temporary file that replaces the old one at the end); ``update``
reads only files that are new or changed (modification time or size), and forgets files that disappeared from
the folders it is given.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.index.collect import Record, iter_files, read_record
from claimcheck.index.location import open_store
from claimcheck.index.store import Store
from claimcheck.parallel import cpu_count, ordered_map


@dataclass
class BuildStats:
    """What a build or update did."""

    files: int = 0  # files looked at
    added: int = 0  # new wordings indexed
    duplicates: int = 0  # files whose wording was already indexed (folded)
    unchanged: int = 0
    removed: int = 0
    errors: list[str] = field(default_factory=list)
    documents: int = 0
    families: int = 0
    seconds: float = 0.0
    size_bytes: int = 0


def read_one(job: tuple[str, int | None]) -> Record | str:
    """Read one file (run on a worker process): its record, or the one-line reason it cannot be read."""
    path, max_bytes = job
    try:
        return read_record(Path(path), max_bytes)
    except InputError as e:
        return str(e)
    except Exception as e:  # a broken file must not stop a build of 100,000
        return f"{path}: cannot read: {type(e).__name__}: {e}"


def _begin(paths: list[Path], jobs: int | None) -> tuple[float, list[Path], int, BuildStats]:
    """The start of a build or update: (start time, ``paths`` made absolute, worker count, empty statistics)."""
    start = time.perf_counter()
    for p in paths:
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
    return start, [Path(os.path.abspath(p)) for p in paths], jobs or cpu_count(), BuildStats()


def _fill(
    store: Store,
    jobs_in: Iterator[tuple[str, int | None]],
    stats: BuildStats,
    jobs: int,
    progress: Callable[[BuildStats], None] | None,
) -> None:
    for result in ordered_map(read_one, jobs_in, jobs):
        stats.files += 1
        if isinstance(result, str):
            stats.errors.append(result)
        elif store.add(result):
            stats.added += 1
        else:
            stats.duplicates += 1
        if progress is not None and stats.files % 200 == 0:
            progress(stats)


def build_index(
    paths: list[Path],
    location: str,
    *,
    jobs: int | None = None,
    max_bytes: int | None = None,
    progress: Callable[[BuildStats], None] | None = None,
) -> BuildStats:
    """Index every document under ``paths`` into a new index at ``location`` (a file, or a PostgreSQL URL)."""
    start, roots, workers, stats = _begin(paths, jobs)
    work = ((str(p), max_bytes) for p in iter_files(roots))
    final: Path | None = None
    target = location
    if "://" not in location:
        final = Path(location)
        if final.is_dir():
            raise InputError(f"{location}: is a folder; give the index file to write")
        target = str(final.with_name(f".{final.name}.{os.getpid()}.tmp"))
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
    store = open_store(target, create=True)
    try:
        if final is None:
            store.clear()
        _fill(store, work, stats, workers, progress)
        store.commit()
        _finish(store, stats)
    except BaseException:
        store.close()
        if final is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)
        raise
    store.close()
    if final is not None:
        os.replace(target, final)
        stats.size_bytes = final.stat().st_size
    stats.seconds = time.perf_counter() - start
    return stats


def update_index(
    paths: list[Path],
    location: str,
    *,
    jobs: int | None = None,
    max_bytes: int | None = None,
    progress: Callable[[BuildStats], None] | None = None,
) -> BuildStats:
    """Bring an existing index up to date with ``paths``: new and changed files read, vanished ones forgotten."""
    start, roots, workers, stats = _begin(paths, jobs)
    store = open_store(location)
    try:

        def changed() -> Iterator[tuple[str, int | None]]:
            for p in iter_files(roots):
                state = store.file_state(str(p))
                if state is not None:
                    try:
                        st = p.stat()
                    except OSError:
                        continue
                    if state == (st.st_mtime_ns, st.st_size):
                        stats.unchanged += 1
                        continue
                yield str(p), max_bytes

        _fill(store, changed(), stats, workers, progress)
        for root in roots:
            gone = [p for p in store.paths_under(str(root)) if not os.path.exists(p)] if root.is_dir() else []
            for p in gone:
                store.remove_file(p)
                stats.removed += 1
        store.commit()
        _finish(store, stats)
    finally:
        store.close()
    stats.seconds = time.perf_counter() - start
    return stats


def _finish(store: Store, stats: BuildStats) -> None:
    counts = store.counts()
    stats.documents, stats.families = counts["documents"], counts["families"]
    stats.size_bytes = store.size_bytes()
