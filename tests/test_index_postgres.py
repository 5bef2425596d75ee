"""The PostgreSQL index backend, on a throwaway cluster (skipped, visibly, without PostgreSQL)."""

from __future__ import annotations

import psycopg
from pgserver import PgServer, libpq_url, pg_server, pg_url  # noqa: F401  (pytest fixtures)


def test_the_throwaway_cluster_answers(pg_url: str, pg_server: PgServer) -> None:  # noqa: F811
    with psycopg.connect(libpq_url(pg_url)) as conn:
        assert conn.execute("SELECT current_setting('server_encoding')").fetchone() == ("UTF8",)
    other = pg_server.create_database()
    assert other != pg_url
    with psycopg.connect(libpq_url(other)) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
    pg_server.drop_database(other.rsplit("/", 1)[1])
