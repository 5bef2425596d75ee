"""Where an index is: a file (SQLite, the default) or a PostgreSQL URL, given or configured.

The location comes from ``--index``, else the ``CLAIMCHECK_INDEX`` environment variable, else the ``index`` key of
the closest ``claimcheck.toml`` (``index = "postgresql://claims@db.example/prior_art"`` for a firm's shared
collection, or a file path relative to the configuration file).
"""

from __future__ import annotations

import os
from pathlib import Path

from claimcheck.errors import ConfigError, InputError
from claimcheck.index.store import SqliteStore, Store

URL_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_url(location: str) -> bool:
    """True for a PostgreSQL URL."""
    return location.startswith(URL_SCHEMES)


def open_store(location: str, *, create: bool = False, readonly: bool = False) -> Store:
    """Open the index at ``location``; with ``create``, make its tables when they are missing."""
    if is_url(location):
        from claimcheck.index.postgres import PostgresStore

        return PostgresStore.open(location, create=create)
    if "://" in location:
        raise InputError(f"{location}: unknown index URL (a file path, or postgresql://…)")
    return SqliteStore.open(Path(location), create=create, readonly=readonly)


def configured_location(start: Path | None = None) -> str | None:
    """The index named by ``CLAIMCHECK_INDEX`` or by the ``index`` key of the closest configuration file."""
    env = os.environ.get("CLAIMCHECK_INDEX")
    if env:
        return env
    from claimcheck.tomlfile import read_toml

    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        for name in ("claimcheck.toml", "pyproject.toml"):
            f = d / name
            if not f.is_file():
                continue
            data = read_toml(f, "configuration")
            if name == "pyproject.toml":
                data = data.get("tool", {}).get("claimcheck")
                if not isinstance(data, dict):
                    continue
            value = data.get("index")
            if value is None:
                return None
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{f}: 'index' must be a file path or a postgresql:// URL")
            return value if is_url(value) else str(d / value)
    return None


def resolve_location(given: str | None) -> str:
    """The index to use: the one given, else the configured one; raise when there is none."""
    location = given or configured_location()
    if not location:
        raise InputError("no index: give --index PATH (or set 'index' in claimcheck.toml, or CLAIMCHECK_INDEX)")
    return location
