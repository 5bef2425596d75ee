"""The index in a PostgreSQL database, for a collection that a firm's agents share.

Same tables as the SQLite index (``prior_art_*``), with the full text in a ``tsvector`` column written from the
pre-segmented tokens directly (``'散热片':1,7 '3.5':2``: no text-search parser, dictionary or stemming, so Chinese
words arrive as rjieba cut them), a GIN index over it, ``ts_rank`` for ranking and GIN-backed counts for document
frequencies. Needs ``psycopg`` (``pip install "claimcheck[postgres]"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimcheck.errors import InputError
from claimcheck.index.store import FORMAT_VERSION, SCHEMA, Store

MAX_POSITION = 16383  # PostgreSQL's largest tsvector position
MAX_POSITIONS = 255  # positions kept per lexeme


def libpq_url(url: str) -> str:
    """A SQLAlchemy-style URL (``postgresql+psycopg://``) as libpq reads it."""
    scheme, _, rest = url.partition("://")
    return "postgresql://" + rest if scheme.startswith("postgres") else url


def tsvector_literal(tokens: Sequence[str]) -> str:
    """A ``tsvector`` input string with every token and its positions (tokens are quote-free by construction)."""
    positions: dict[str, list[int]] = {}
    for i, t in enumerate(tokens, start=1):
        ps = positions.setdefault(t, [])
        if len(ps) < MAX_POSITIONS:
            ps.append(min(i, MAX_POSITION))
    return " ".join(f"'{t}':{','.join(map(str, sorted(set(ps))))}" for t, ps in positions.items())


def tsquery_literal(tokens: Sequence[str]) -> str:
    """Any of ``tokens``, as ``tsquery`` input."""
    return " | ".join(f"'{t}'" for t in tokens)


class PostgresStore(Store):
    """The shared index: PostgreSQL full text over the same tokens."""

    param = "%s"

    @classmethod
    def open(cls, url: str, *, create: bool = False) -> PostgresStore:
        """Connect to the database at ``url``; with ``create``, make the tables when they are missing."""
        try:
            import psycopg
        except ImportError:
            raise InputError('a PostgreSQL index needs psycopg: pip install "claimcheck[postgres]"') from None
        try:
            conn: Any = psycopg.connect(libpq_url(url), connect_timeout=10)
        except psycopg.Error as e:
            raise InputError(f"cannot connect to the index database: {str(e).strip().splitlines()[0]}") from None
        shown = url.split("@")[-1]  # never print a password
        store = cls(conn, f"postgresql://…@{shown}" if "@" in url else url)
        if create:
            store.create_schema()
        else:
            exists = conn.execute("SELECT to_regclass('prior_art_meta')").fetchone()[0]
            if exists is None:
                conn.close()
                raise InputError(
                    f"{store.location}: no claimcheck index in this database (run 'claimcheck index build')"
                )
            store.check_version()
        return store

    def create_schema(self) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(1502)")  # two builds starting together create once
        for stmt in SCHEMA:
            self.conn.execute(stmt.format(serial="BIGSERIAL", blob="BYTEA"))
        self.conn.execute("ALTER TABLE prior_art_documents ADD COLUMN IF NOT EXISTS tsv TSVECTOR")
        self.conn.execute("CREATE INDEX IF NOT EXISTS prior_art_documents_tsv ON prior_art_documents USING GIN (tsv)")
        if self.meta("format") is None:
            self.set_meta("format", FORMAT_VERSION)

    def clear(self) -> None:
        self.conn.execute("TRUNCATE prior_art_documents, prior_art_files, prior_art_keys RESTART IDENTITY")

    def fts_insert(self, doc: int, tokens: Sequence[str]) -> None:
        self.conn.execute(
            "UPDATE prior_art_documents SET tsv = %s::tsvector WHERE id = %s", (tsvector_literal(tokens), doc)
        )

    def fts_delete(self, doc: int, tokens: Sequence[str]) -> None:
        """Nothing to do: the tsvector goes with its row."""

    def ranked(self, tokens: Sequence[str], limit: int) -> list[tuple[int, float]]:
        if not tokens:
            return []
        rows = self.conn.execute(
            "SELECT id, ts_rank(tsv, q, 1) AS r FROM prior_art_documents, CAST(%s AS tsquery) q"
            " WHERE tsv @@ q ORDER BY r DESC, id LIMIT %s",
            (tsquery_literal(tokens), limit),
        ).fetchall()
        return [(int(i), float(r)) for i, r in rows]

    def doc_freq(self, tokens: Sequence[str]) -> dict[str, int]:
        if not tokens:
            return {}
        rows = self.conn.execute(
            "SELECT t, (SELECT count(*) FROM prior_art_documents WHERE tsv @@ CAST(quote_literal(t) AS tsquery))"
            " FROM unnest(CAST(%s AS text[])) t",
            (list(tokens),),
        ).fetchall()
        return {str(t): int(n) for t, n in rows if n}

    def size_bytes(self) -> int:
        row = self.conn.execute(
            "SELECT sum(pg_total_relation_size(c)) FROM unnest(ARRAY['prior_art_documents', 'prior_art_files',"
            " 'prior_art_keys', 'prior_art_meta']) c"
        ).fetchone()
        return int(row[0] or 0)
