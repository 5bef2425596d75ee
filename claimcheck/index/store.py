"""Where an index lives: documents, their files, family keys and a full-text index over pre-segmented tokens.

Two stores share one schema and one algorithm and differ only in their full-text index:

* :class:`SqliteStore` (the default, one file, no server): an FTS5 table without stored content (the tokens are
  produced by :func:`claimcheck.index.tokens.index_tokens` and joined by spaces; ``unicode61`` with ``.`` as a
  token character reads them back unchanged), ranked by FTS5's BM25, document frequencies from ``fts5vocab``.
* :class:`~claimcheck.index.postgres.PostgresStore`, for a collection shared by a firm: a ``tsvector`` column
  built from the same tokens (no parser, no stemming), a GIN index, ``ts_rank``.

A document is stored once per wording (its digest): a second file with the same wording is recorded as another
path of the same document. Documents sharing a family key (publication number without kind code, application
or priority number) get the same ``family``; search shows one hit per family and names the other members.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.index.collect import Record
from claimcheck.index.tokens import index_tokens

# bump when index_tokens or the stored layout changes: an index written with another version must be rebuilt
FORMAT_VERSION = "1"
Passages = list[tuple[int, int, str, int | None]]


@dataclass(frozen=True, slots=True)
class StoredDoc:
    """A document as the index keeps it."""

    id: int
    family: int
    number: str
    title: str
    language: str
    path: str
    text: str
    passages: Passages


def pack_body(text: str, passages: Sequence[tuple[int, int, str, int | None]]) -> bytes:
    """Text and passage spans, compressed."""
    return zlib.compress(json.dumps([text, list(passages)], ensure_ascii=False).encode("utf-8"), 6)


def unpack_body(blob: bytes) -> tuple[str, Passages]:
    """The text and passage spans of :func:`pack_body`."""
    text, passages = json.loads(zlib.decompress(blob).decode("utf-8"))
    return text, [(int(a), int(b), str(label), page) for a, b, label, page in passages]


SCHEMA = [
    "CREATE TABLE IF NOT EXISTS prior_art_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS prior_art_documents (id {serial} PRIMARY KEY, family BIGINT NOT NULL,"
    " number TEXT NOT NULL, title TEXT NOT NULL, language TEXT NOT NULL, digest TEXT NOT NULL UNIQUE,"
    " ntokens INTEGER NOT NULL, body {blob} NOT NULL)",
    "CREATE INDEX IF NOT EXISTS prior_art_documents_family ON prior_art_documents (family)",
    "CREATE TABLE IF NOT EXISTS prior_art_files (path TEXT PRIMARY KEY, doc BIGINT NOT NULL,"
    " mtime_ns BIGINT NOT NULL, size BIGINT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS prior_art_files_doc ON prior_art_files (doc)",
    "CREATE TABLE IF NOT EXISTS prior_art_keys (key TEXT NOT NULL, doc BIGINT NOT NULL, PRIMARY KEY (key, doc))",
    "CREATE INDEX IF NOT EXISTS prior_art_keys_doc ON prior_art_keys (doc)",
]


class Store(ABC):
    """An open index: the shared algorithm over a DB-API connection; subclasses supply the full-text part."""

    location: str
    param = "?"

    def __init__(self, conn: Any, location: str) -> None:
        self.conn = conn
        self.location = location

    # -- plumbing -----------------------------------------------------------------------------------------
    def q(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Execute ``sql`` written with ``?`` placeholders; return the cursor."""
        if self.param != "?":
            sql = sql.replace("?", self.param)
        return self.conn.execute(sql, tuple(params))

    def marks(self, n: int) -> str:
        return ",".join("?" * n)

    def commit(self) -> None:
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- full-text part ------------------------------------------------------------------------------------
    @abstractmethod
    def fts_insert(self, doc: int, tokens: Sequence[str]) -> None:
        """Index the tokens of a new document."""

    @abstractmethod
    def fts_delete(self, doc: int, tokens: Sequence[str]) -> None:
        """Remove a document from the full-text index (``tokens`` as they were indexed)."""

    @abstractmethod
    def ranked(self, tokens: Sequence[str], limit: int) -> list[tuple[int, float]]:
        """(document id, score) of the documents best matching any of ``tokens``, best first."""

    @abstractmethod
    def doc_freq(self, tokens: Sequence[str]) -> dict[str, int]:
        """How many documents contain each token (tokens absent from the index are left out)."""

    @abstractmethod
    def create_schema(self) -> None:
        """Create the tables if they do not exist."""

    @abstractmethod
    def clear(self) -> None:
        """Remove every document."""

    def size_bytes(self) -> int:
        """The space the index takes."""
        return 0

    # -- metadata ------------------------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.q("SELECT value FROM prior_art_meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.q("DELETE FROM prior_art_meta WHERE key = ?", (key,))
        self.q("INSERT INTO prior_art_meta (key, value) VALUES (?, ?)", (key, value))

    def check_version(self) -> None:
        """Raise :class:`InputError` unless this index was written by this version's tokenizer and layout."""
        version = self.meta("format")
        if version is None:
            raise InputError(f"{self.location}: not a claimcheck index (build it with 'claimcheck index build')")
        if version != FORMAT_VERSION:
            raise InputError(
                f"{self.location}: index format {version}, this claimcheck reads {FORMAT_VERSION}: "
                "rebuild it with 'claimcheck index build'"
            )

    # -- documents and files -------------------------------------------------------------------------------
    def count(self) -> int:
        """Number of documents (wordings) in the index."""
        return int(self.q("SELECT count(*) FROM prior_art_documents").fetchone()[0])

    def counts(self) -> dict[str, int]:
        """Documents, files and families."""
        docs = self.count()
        files = int(self.q("SELECT count(*) FROM prior_art_files").fetchone()[0])
        families = int(self.q("SELECT count(DISTINCT family) FROM prior_art_documents").fetchone()[0])
        return {"documents": docs, "files": files, "families": families}

    def file_state(self, path: str) -> tuple[int, int] | None:
        """(mtime_ns, size) recorded for a file, or None when it is not in the index."""
        row = self.q("SELECT mtime_ns, size FROM prior_art_files WHERE path = ?", (path,)).fetchone()
        return None if row is None else (int(row[0]), int(row[1]))

    def paths_under(self, folder: str) -> Iterator[str]:
        """Recorded files inside ``folder``, in order, read in pages (never all at once)."""
        prefix = folder.rstrip(os.sep) + os.sep
        last = prefix
        while True:
            rows = self.q(
                "SELECT path FROM prior_art_files WHERE path > ? AND path < ? ORDER BY path LIMIT 1000",
                (last, prefix[:-1] + chr(ord(os.sep) + 1)),
            ).fetchall()
            if not rows:
                return
            for (p,) in rows:
                yield str(p)
            last = str(rows[-1][0])

    def add(self, rec: Record) -> bool:
        """Record a file read for the index; True when its wording is new (False: a duplicate, folded)."""
        self.remove_file(rec.path)
        row = self.q("SELECT id FROM prior_art_documents WHERE digest = ?", (rec.digest,)).fetchone()
        if row is not None:
            self.q(
                "INSERT INTO prior_art_files (path, doc, mtime_ns, size) VALUES (?, ?, ?, ?)",
                (rec.path, int(row[0]), rec.mtime_ns, rec.size),
            )
            return False
        families: list[int] = []
        if rec.keys:
            families = [
                int(r[0])
                for r in self.q(
                    "SELECT DISTINCT d.family FROM prior_art_keys k JOIN prior_art_documents d ON d.id = k.doc"
                    f" WHERE k.key IN ({self.marks(len(rec.keys))})",
                    rec.keys,
                ).fetchall()
            ]
        doc = int(
            self.q(
                "INSERT INTO prior_art_documents (family, number, title, language, digest, ntokens, body)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    min(families) if families else 0,
                    rec.number,
                    rec.title,
                    rec.language,
                    rec.digest,
                    len(rec.tokens),
                    pack_body(rec.text, rec.passages),
                ),
            ).fetchone()[0]
        )
        if not families:
            self.q("UPDATE prior_art_documents SET family = ? WHERE id = ?", (doc, doc))
        elif len(families) > 1:  # this document joins families that were apart until now
            self.q(
                f"UPDATE prior_art_documents SET family = ? WHERE family IN ({self.marks(len(families) - 1)})",
                (min(families), *sorted(families)[1:]),
            )
        for key in rec.keys:
            self.q("INSERT INTO prior_art_keys (key, doc) VALUES (?, ?)", (key, doc))
        self.q(
            "INSERT INTO prior_art_files (path, doc, mtime_ns, size) VALUES (?, ?, ?, ?)",
            (rec.path, doc, rec.mtime_ns, rec.size),
        )
        self.fts_insert(doc, rec.tokens)
        return True

    def remove_file(self, path: str) -> bool:
        """Forget a file; its document goes too when no other file has its wording. True when it was there."""
        row = self.q("SELECT doc FROM prior_art_files WHERE path = ?", (path,)).fetchone()
        if row is None:
            return False
        doc = int(row[0])
        self.q("DELETE FROM prior_art_files WHERE path = ?", (path,))
        if self.q("SELECT 1 FROM prior_art_files WHERE doc = ? LIMIT 1", (doc,)).fetchone() is None:
            body = self.q("SELECT body FROM prior_art_documents WHERE id = ?", (doc,)).fetchone()
            if body is not None:
                text, _ = unpack_body(bytes(body[0]))
                self.fts_delete(doc, index_tokens(text))
            self.q("DELETE FROM prior_art_documents WHERE id = ?", (doc,))
            self.q("DELETE FROM prior_art_keys WHERE doc = ?", (doc,))
        return True

    def documents(self, ids: Sequence[int]) -> list[StoredDoc]:
        """The documents with these ids, in the order given (unknown ids left out)."""
        if not ids:
            return []
        rows = self.q(
            "SELECT d.id, d.family, d.number, d.title, d.language, d.body,"
            " (SELECT min(f.path) FROM prior_art_files f WHERE f.doc = d.id)"
            f" FROM prior_art_documents d WHERE d.id IN ({self.marks(len(ids))})",
            list(ids),
        ).fetchall()
        by_id: dict[int, StoredDoc] = {}
        for doc, family, number, title, language, body, path in rows:
            text, passages = unpack_body(bytes(body))
            by_id[int(doc)] = StoredDoc(int(doc), int(family), number, title, language, path or "", text, passages)
        return [by_id[i] for i in ids if i in by_id]

    def members(self, family: int) -> list[tuple[str, str]]:
        """(number, path) of every file of a family, the first file of each document first."""
        rows = self.q(
            "SELECT d.number, f.path FROM prior_art_documents d JOIN prior_art_files f ON f.doc = d.id"
            " WHERE d.family = ? ORDER BY d.number, f.path LIMIT 200",
            (family,),
        ).fetchall()
        return [(str(n), str(p)) for n, p in rows]


class SqliteStore(Store):
    """The embedded index: one SQLite file, full text in FTS5."""

    @classmethod
    def open(cls, path: Path, *, create: bool = False, readonly: bool = False) -> SqliteStore:
        """Open (or, with ``create``, create) an index file."""
        if not create and not path.is_file():
            raise InputError(f"{path}: no such index (build it with 'claimcheck index build')")
        try:
            if readonly:
                conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            else:
                conn = sqlite3.connect(path)
            store = cls(conn, str(path))
            if create:
                store.create_schema()
            else:
                store.check_version()
        except sqlite3.DatabaseError as e:
            raise InputError(f"{path}: not a claimcheck index ({e})") from None
        return store

    def create_schema(self) -> None:
        for stmt in SCHEMA:
            self.conn.execute(stmt.format(serial="INTEGER", blob="BLOB"))
        self.conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS prior_art_fts USING fts5(tokens, content='',"
            " tokenize=\"unicode61 remove_diacritics 0 tokenchars '.'\")"
        )
        self.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS prior_art_vocab USING fts5vocab(prior_art_fts, row)")
        if self.meta("format") is None:
            self.set_meta("format", FORMAT_VERSION)

    def clear(self) -> None:
        for table in ("prior_art_documents", "prior_art_files", "prior_art_keys"):
            self.conn.execute(f"DELETE FROM {table}")
        self.conn.execute("INSERT INTO prior_art_fts(prior_art_fts) VALUES ('delete-all')")

    def fts_insert(self, doc: int, tokens: Sequence[str]) -> None:
        self.conn.execute("INSERT INTO prior_art_fts (rowid, tokens) VALUES (?, ?)", (doc, " ".join(tokens)))

    def fts_delete(self, doc: int, tokens: Sequence[str]) -> None:
        self.conn.execute(
            "INSERT INTO prior_art_fts (prior_art_fts, rowid, tokens) VALUES ('delete', ?, ?)", (doc, " ".join(tokens))
        )

    def ranked(self, tokens: Sequence[str], limit: int) -> list[tuple[int, float]]:
        if not tokens:
            return []
        query = " OR ".join(f'"{t}"' for t in tokens)
        rows = self.conn.execute(
            "SELECT rowid, rank FROM prior_art_fts WHERE prior_art_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit)
        ).fetchall()
        return [(int(r), -float(s)) for r, s in rows]

    def doc_freq(self, tokens: Sequence[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for t in tokens:
            row = self.conn.execute("SELECT doc FROM prior_art_vocab WHERE term = ?", (t,)).fetchone()
            if row is not None and row[0]:
                out[t] = int(row[0])
        return out

    def size_bytes(self) -> int:
        return os.path.getsize(self.location) if os.path.isfile(self.location) else 0
