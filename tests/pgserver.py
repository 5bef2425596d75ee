"""A throwaway PostgreSQL cluster for tests, started when the server binaries are installed.

Use it from a test module::

    from pgserver import pg_server, pg_url  # noqa: F401  (pytest fixtures)

    def test_something(pg_url: str) -> None:   # a fresh, empty database
        engine = sqlalchemy.create_engine(pg_url)

``pg_url`` is a SQLAlchemy URL (``postgresql+psycopg://postgres@127.0.0.1:PORT/NAME``); ``libpq_url(pg_url)`` gives
the same database as a plain libpq URI for ``psycopg.connect``. ``pg_server.create_database()`` makes further fresh
databases. The cluster is created once per test session in a temporary folder (``initdb``, trust authentication,
listening on 127.0.0.1 on a free port, durability off for speed) and removed afterwards. ``initdb`` refuses to run as
root, so as root the cluster belongs to the ``postgres`` user and its commands run through ``runuser`` (or ``su``).
Without the binaries (Debian package ``postgresql``) the tests that use these fixtures are skipped, visibly.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SKIP_REASON = "PostgreSQL server binaries (initdb, pg_ctl) not found: install the Debian package postgresql"


def find_pg_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``: ``$PG_BIN``, the newest Debian install, or ``PATH``."""
    candidates: list[Path] = []
    if os.environ.get("PG_BIN"):
        candidates.append(Path(os.environ["PG_BIN"]))
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: _version(p.parent.name), reverse=True)
    candidates.extend(debian)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(p) for p in name.split(".") if p.isdigit())


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def libpq_url(url: str) -> str:
    """A SQLAlchemy URL (``postgresql+psycopg://…``) as a libpq URI (``postgresql://…``)."""
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if scheme.startswith("postgresql") else url


@dataclass
class PgServer:
    """A running throwaway cluster: where it lives and how to reach it."""

    bin_dir: Path
    root: Path
    port: int
    user: str = "postgres"
    as_user: list[str] = field(default_factory=list)  # command prefix that runs a command as the cluster's owner

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of one database of this cluster."""
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run one of the cluster's binaries as its owner; raise with its output when it fails."""
        cmd = [*self.as_user, str(self.bin_dir / args[0]), *args[1:]]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=self.root)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        return proc

    def create_database(self, name: str | None = None) -> str:
        """Create a fresh, empty database (a unique name unless given) and return its SQLAlchemy URL."""
        import psycopg

        name = name or "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(libpq_url(self.url()), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a database of this cluster, closing its connections first."""
        import psycopg

        with psycopg.connect(libpq_url(self.url()), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")


def _as_owner_prefix() -> tuple[list[str], str | None]:
    """(command prefix, owner name): run as ``postgres`` when this process is root, else as ourselves."""
    if os.geteuid() != 0:
        return [], None
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--"], "postgres"
    return ["sudo", "-u", "postgres"], "postgres"


def start_server() -> PgServer:
    """Create and start a cluster in a new temporary folder; raise when it cannot start."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise FileNotFoundError(SKIP_REASON)
    prefix, owner = _as_owner_prefix()
    root = Path(tempfile.mkdtemp(prefix="claimcheck-pg-"))
    if owner:
        shutil.chown(root, user=owner)
    server = PgServer(bin_dir=bin_dir, root=root, port=free_port(), as_user=prefix)
    server.run(
        "initdb", "-D", str(server.data_dir), "-U", server.user, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"
    )
    options = (
        f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 "
        "-c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=50"
    )
    server.run("pg_ctl", "-D", str(server.data_dir), "-o", options, "-l", str(root / "server.log"), "-w", "start")
    return server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A throwaway PostgreSQL cluster for the whole test session (skipped when PostgreSQL is not installed)."""
    if find_pg_bin() is None:
        pytest.skip(SKIP_REASON)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed: pip install '.[test]'")
    server = start_server()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_url(pg_server: PgServer) -> str:
    """The SQLAlchemy URL of a fresh database in the session's throwaway cluster."""
    return pg_server.create_database()
