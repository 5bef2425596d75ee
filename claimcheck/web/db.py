"""The panel's database: SQLAlchemy Core tables on SQLite (default) or PostgreSQL, with versioned migrations.

The schema is created and upgraded by :func:`migrate`: ``schema_version`` holds the version reached, and each entry
of ``MIGRATIONS`` brings the schema one version further inside one transaction.  A later release appends entries;
none is ever edited.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection

metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", String(128), nullable=False),
    Column("password_hash", String(256), nullable=False),
    Column("role", String(16), nullable=False),  # chair, member
    Column("created_at", DateTime(timezone=True), nullable=False),
)
sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)
rounds = Table(
    "rounds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
round_members = Table(
    "round_members",
    metadata,
    Column("round_id", Integer, ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)
documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),  # disclosure, prior-art
    Column("filename", String(255), nullable=False),
    Column("title", String(300)),
    Column("text", Text, nullable=False),
    Column("assessment", Text),  # the JSON of ``claimcheck score``
    Column("score", Float),  # the automatic score
    Column("combined", Float),  # with the members' mean ratings
    Column("verdict", String(16)),
    Column("may_draft", Boolean),
    Column("uploaded_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("uploaded_at", DateTime(timezone=True), nullable=False),
)
ratings = Table(
    "ratings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("market_demand", Integer, nullable=False),
    Column("commercial_risk", Integer, nullable=False),
    Column("grant_prospect", Integer, nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("document_id", "user_id"),
)
decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("decision", String(16), nullable=False),  # file, improve, not-file
    Column("filing_as", String(200), nullable=False, default=""),
    Column("pct", Boolean, nullable=False, default=False),
    Column("requests", Text, nullable=False, default=""),
    Column("decided_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=False),
)
audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id")),
    Column("action", String(64), nullable=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", Integer),
    Column("detail", Text, nullable=False, default=""),
)

VERSION_1 = [users, sessions, rounds, round_members, documents, ratings, decisions, audit]


def _v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=VERSION_1)


def _v2(conn: Connection) -> None:
    """Indexes for the round overview and the audit log."""
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_round ON documents (round_id, kind)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_audit_at ON audit (at)"))


MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2]


def now() -> datetime:
    """The current time, timezone-aware (UTC)."""
    return datetime.now(UTC)


def connect(url: str) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys and a busy timeout."""
    engine = create_engine(url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=5000")
            cur.close()

    return engine


def current_version(conn: Connection) -> int:
    """The schema version reached (0 for an empty database)."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    return int(conn.execute(select(schema_version.c.version)).scalar() or 0)


def migrate(engine: Engine) -> int:
    """Bring the schema to the latest version; return it."""
    with engine.begin() as conn:
        if not inspect(conn).has_table("schema_version"):
            schema_version.create(conn)
            conn.execute(insert(schema_version).values(version=0))
    version = 0
    for target, step in enumerate(MIGRATIONS, start=1):
        with engine.begin() as conn:
            version = current_version(conn)
            if version >= target:
                continue
            step(conn)
            conn.execute(schema_version.update().values(version=target))
            version = target
    return version


def log(
    conn: Connection, user_id: int | None, action: str, entity: str, entity_id: int | None, detail: str = ""
) -> None:
    """Add a line to the audit log (inside the caller's transaction, so a change and its record go together)."""
    conn.execute(
        insert(audit).values(
            at=now(), user_id=user_id, action=action, entity=entity, entity_id=entity_id, detail=detail
        )
    )
