"""Accounts, passwords and sessions of the panel's web page.

Passwords are stored as scrypt hashes (``hashlib.scrypt``, n=2**14, r=8, p=1, a 16-byte salt), compared in constant
time.  A session is a random token in an HttpOnly cookie; the database keeps only its SHA-256, with the session's
CSRF token and its expiry, so logging out or expiring ends it on the server.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from claimcheck.errors import InputError
from claimcheck.web import db

ROLES = ("chair", "member")
SESSION_HOURS = 12
_N, _R, _P = 2**14, 8, 1


@dataclass(frozen=True, slots=True)
class User:
    """A signed-in account."""

    id: int
    username: str
    display_name: str
    role: str

    @property
    def is_chair(self) -> bool:
        """Whether the account chairs the panel."""
        return self.role == "chair"


def hash_password(password: str) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches the stored hash."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(
            password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def create_user(conn: Connection, username: str, password: str, role: str, display_name: str = "") -> int:
    """Add an account; raise :class:`InputError` for a bad role, a short password or a taken name."""
    if role not in ROLES:
        raise InputError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise InputError("the password must have at least 8 characters")
    if not username or len(username) > 64:
        raise InputError("the user name must have 1 to 64 characters")
    if conn.execute(select(db.users.c.id).where(db.users.c.username == username)).first() is not None:
        raise InputError(f"user '{username}' exists already")
    row = conn.execute(
        insert(db.users)
        .values(
            username=username,
            display_name=display_name or username,
            password_hash=hash_password(password),
            role=role,
            created_at=db.now(),
        )
        .returning(db.users.c.id)
    ).one()
    db.log(conn, None, "create-user", "user", int(row.id), f"{username} ({role})")
    return int(row.id)


def authenticate(conn: Connection, username: str, password: str) -> User | None:
    """The account for a user name and password, or None."""
    row = conn.execute(select(db.users).where(db.users.c.username == username)).first()
    if row is None:
        verify_password(password, hash_password("timing-equaliser"))
        return None
    if not verify_password(password, row.password_hash):
        return None
    return User(row.id, row.username, row.display_name, row.role)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(conn: Connection, user: User) -> str:
    """A new session for ``user``: the token for the cookie."""
    token = secrets.token_urlsafe(32)
    conn.execute(
        insert(db.sessions).values(
            token_hash=_digest(token),
            user_id=user.id,
            csrf=secrets.token_urlsafe(32),
            expires_at=db.now() + timedelta(hours=SESSION_HOURS),
        )
    )
    return token


def session_user(conn: Connection, token: str | None) -> tuple[User, str] | None:
    """The account and CSRF token of a live session, or None."""
    if not token:
        return None
    row = conn.execute(
        select(db.sessions.c.csrf, db.sessions.c.expires_at, db.users)
        .join(db.users, db.users.c.id == db.sessions.c.user_id)
        .where(db.sessions.c.token_hash == _digest(token))
    ).first()
    if row is None:
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=db.now().tzinfo)
    if expires < db.now():
        close_session(conn, token)
        return None
    return User(row.id, row.username, row.display_name, row.role), row.csrf


def close_session(conn: Connection, token: str) -> None:
    """End a session."""
    conn.execute(delete(db.sessions).where(db.sessions.c.token_hash == _digest(token)))
