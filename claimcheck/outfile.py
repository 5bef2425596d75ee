"""Write output files atomically: a reader never sees half a file, and a failed write leaves the old one intact.

The content goes to a temporary file beside the target (same folder, so the same file system), is flushed to
disk, and then replaces the target in one rename: an interrupted or failing write leaves the old file as it
was, and two writers at once each leave a whole file.  A target that is a symbolic link is written through
(the file it points at is replaced); an existing file keeps its permissions.  :func:`check_writable` tells
before any work whether the write will be possible.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from claimcheck.errors import InputError


def _target(path: Path) -> Path:
    """The file that will be replaced: a symbolic link's target, else ``path``."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _reason(e: OSError) -> str:
    return e.strerror or type(e).__name__


def check_writable(path: Path, option: str = "") -> None:
    """Raise :class:`InputError` now when ``path`` could not be written later (run before the work starts).

    The check creates and removes a temporary file in the target's folder, so a missing folder, a folder
    without write permission and a read-only file system are all found; ``option`` names the option in the
    message (``--output``).
    """
    path = _target(Path(path))
    where = f"{option} {path}" if option else str(path)
    if path.is_dir():
        raise InputError(f"{where}: cannot write: it is a folder")
    folder = _folder(path)
    if not folder.is_dir():
        raise InputError(f"{where}: cannot write: no such folder {folder}")
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".probe", dir=folder)
    except OSError as e:
        raise InputError(f"{where}: cannot write in {folder}: {_reason(e)}") from None
    os.close(fd)
    Path(probe).unlink(missing_ok=True)


def _mode_for(path: Path) -> int:
    """The permissions the written file gets: those of the file it replaces, else the usual ones (umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(path: Path, data: str | bytes | Callable[[Path], None]) -> None:
    """Write ``data`` (text, bytes, or a function that writes a file at the path it is given) to ``path``."""
    path = _target(Path(path))
    folder = _folder(path)
    if not folder.is_dir():
        raise InputError(f"{path}: cannot write: no such folder {folder}")
    if path.is_dir():
        raise InputError(f"{path}: cannot write: it is a folder")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise InputError(f"{path}: cannot write in {folder}: {_reason(e)}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, str):
                fh.write(data.encode("utf-8"))
            elif isinstance(data, bytes):
                fh.write(data)
            if not callable(data):
                fh.flush()
                os.fsync(fh.fileno())
        if callable(data):
            data(tmp)
            with tmp.open("rb") as fh:
                os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write: {_reason(e)}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
