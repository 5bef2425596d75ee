"""What the panel's pages do, apart from HTTP: rounds, uploads and assessment, ratings, decisions, the overview.

Every change runs in the caller's transaction and writes its line to the audit log.  Who may see a round is decided
here: the chair sees every round, a member only the rounds they are on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from claimcheck.errors import InputError
from claimcheck.web import db
from claimcheck.web.auth import User

UPLOAD_SUFFIXES = (".docx", ".txt", ".md", ".pdf")
DECISIONS = {"file": "建议申请", "improve": "完善后申请", "not-file": "不申请"}
RATING_FIELDS = ("market_demand", "commercial_risk", "grant_prospect")


class Forbidden(Exception):
    """The signed-in account may not see or change this."""


@dataclass
class RoundRow:
    """One disclosure of a round, for the overview, the CSV and the minute."""

    id: int
    filename: str
    title: str
    score: float
    combined: float
    verdict: str
    may_draft: bool
    risks: list[dict[str, Any]]
    plan: dict[str, Any] | None
    requests: list[str]
    means: dict[str, float] = field(default_factory=dict)
    ratings: list[dict[str, Any]] = field(default_factory=list)
    decision: dict[str, Any] | None = None


def read_upload(filename: str, data: bytes, max_bytes: int) -> Any:
    """An uploaded disclosure or prior-art document as a SourceText; anything else is refused with one line."""
    from claimcheck.disclose import read_pdf_bytes
    from claimcheck.readers import read_bytes

    suffix = Path(filename).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise InputError(f"{filename}: only {', '.join(UPLOAD_SUFFIXES)} files are accepted")
    if len(data) > max_bytes:
        raise InputError(f"{filename}: over the {max_bytes // 1_048_576} MB limit")
    if not data.strip():
        raise InputError(f"{filename}: empty file")
    if suffix == ".pdf":
        if not data.startswith(b"%PDF"):
            raise InputError(f"{filename}: not a PDF file")
        return read_pdf_bytes(data, filename)
    if suffix == ".docx" and not data.startswith(b"PK\x03\x04"):
        raise InputError(f"{filename}: not a Word .docx file")
    if suffix != ".docx" and data.startswith(b"PK\x03\x04"):
        raise InputError(f"{filename}: a zip archive, not a text file")
    src = read_bytes(data, filename, suffix=".txt" if suffix == ".md" else suffix)
    if src.format == "xml":
        raise InputError(f"{filename}: XML is not accepted here")
    return src


# ---------------------------------------------------------------------------------------------------- visibility


def visible_rounds(conn: Connection, user: User) -> list[Any]:
    """The rounds the account may see, newest first."""
    q = select(db.rounds).order_by(db.rounds.c.id.desc())
    if not user.is_chair:
        q = q.join(
            db.round_members,
            and_(db.round_members.c.round_id == db.rounds.c.id, db.round_members.c.user_id == user.id),
        )
    return list(conn.execute(q).all())


def check_round(conn: Connection, user: User, round_id: int) -> Any:
    """The round, when the account may see it; else :class:`Forbidden`."""
    row = conn.execute(select(db.rounds).where(db.rounds.c.id == round_id)).first()
    if row is None:
        raise Forbidden
    if user.is_chair:
        return row
    member = conn.execute(
        select(db.round_members).where(
            and_(db.round_members.c.round_id == round_id, db.round_members.c.user_id == user.id)
        )
    ).first()
    if member is None:
        raise Forbidden
    return row


def check_document(conn: Connection, user: User, document_id: int) -> Any:
    """The document, when the account may see its round; else :class:`Forbidden`."""
    row = conn.execute(select(db.documents).where(db.documents.c.id == document_id)).first()
    if row is None:
        raise Forbidden
    check_round(conn, user, row.round_id)
    return row


def members(conn: Connection) -> list[Any]:
    """Every account, by name."""
    return list(conn.execute(select(db.users).order_by(db.users.c.username)).all())


def round_member_ids(conn: Connection, round_id: int) -> set[int]:
    """The accounts on a round."""
    return {r.user_id for r in conn.execute(select(db.round_members).where(db.round_members.c.round_id == round_id))}


# ---------------------------------------------------------------------------------------------------- changes


def create_round(conn: Connection, user: User, name: str, member_ids: list[int]) -> int:
    """A new review round (chair only) with its members."""
    if not user.is_chair:
        raise Forbidden
    name = name.strip()
    if not name or len(name) > 200:
        raise InputError("a round needs a name of 1 to 200 characters")
    rid = int(
        conn.execute(
            insert(db.rounds).values(name=name, created_by=user.id, created_at=db.now()).returning(db.rounds.c.id)
        ).scalar_one()
    )
    known = {r.id for r in members(conn)}
    for uid in sorted(set(member_ids) & known):
        conn.execute(insert(db.round_members).values(round_id=rid, user_id=uid))
    db.log(conn, user.id, "create-round", "round", rid, f"{name}; members {sorted(set(member_ids) & known)}")
    return rid


def _prior_comparer(prior: list[tuple[str, str]]) -> Any:
    """A comparer on ``claimcheck.match`` over the round's prior-art documents (made from their stored text in
    memory: no file is written)."""
    if not prior:
        return None
    from claimcheck.match.documents import text_document
    from claimcheck.report.keypoint_match import match_comparer

    return match_comparer([text_document(f"D{i}", name, text) for i, (name, text) in enumerate(prior, start=1)])


def assess(conn: Connection, document_id: int) -> None:
    """(Re)assess one disclosure against its round's prior art; store the JSON, the score and the combined score."""
    from claimcheck.disclose import score_disclosure
    from claimcheck.model import SourceText
    from claimcheck.report.score_output import score_dict

    row = conn.execute(select(db.documents).where(db.documents.c.id == document_id)).one()
    prior = [
        (p.filename, p.text)
        for p in conn.execute(
            select(db.documents).where(
                and_(db.documents.c.round_id == row.round_id, db.documents.c.kind == "prior-art")
            )
        )
    ]
    decision = conn.execute(select(db.decisions.c.pct).where(db.decisions.c.document_id == document_id)).first()
    panel = {"pct": 1.0} if decision is not None and decision.pct else None
    report = score_disclosure(SourceText(row.text, path=row.filename), panel=panel, comparer=_prior_comparer(prior))
    doc = score_dict(report)
    conn.execute(
        update(db.documents)
        .where(db.documents.c.id == document_id)
        .values(
            assessment=json.dumps(doc, ensure_ascii=False),
            title=(report.title or row.filename)[:300],
            score=report.score,
            verdict=report.verdict,
            may_draft=report.may_draft,
        )
    )
    _combine(conn, document_id)


def upload(
    conn: Connection, user: User, round_id: int, files: list[tuple[str, bytes]], kind: str, max_bytes: int
) -> tuple[list[int], list[str]]:
    """Add disclosures (or prior-art documents) to a round; return the new ids and one error line per refused file."""
    check_round(conn, user, round_id)
    if kind not in ("disclosure", "prior-art"):
        raise InputError("unknown kind of document")
    ids: list[int] = []
    errors: list[str] = []
    for name, data in files:
        name = Path(name.replace("\\", "/")).name[:255] or "upload.txt"
        try:
            src = read_upload(name, data, max_bytes)
        except InputError as e:
            errors.append(str(e))
            continue
        did = int(
            conn.execute(
                insert(db.documents)
                .values(
                    round_id=round_id,
                    kind=kind,
                    filename=name,
                    text=src.text,
                    uploaded_by=user.id,
                    uploaded_at=db.now(),
                )
                .returning(db.documents.c.id)
            ).scalar_one()
        )
        db.log(conn, user.id, "upload", "document", did, f"{kind}: {name} ({len(data)} bytes)")
        ids.append(did)
    disclosures = (
        ids
        if kind == "disclosure"
        else [
            r.id
            for r in conn.execute(
                select(db.documents.c.id).where(
                    and_(db.documents.c.round_id == round_id, db.documents.c.kind == "disclosure")
                )
            )
        ]
    )
    for did in disclosures:
        assess(conn, did)
    return ids, errors


def rate(conn: Connection, user: User, document_id: int, values: dict[str, int], comment: str) -> None:
    """A member's rating of a disclosure (1–5 each), replacing their earlier one."""
    row = check_document(conn, user, document_id)
    if row.kind != "disclosure":
        raise InputError("only disclosures are rated")
    for f in RATING_FIELDS:
        if not isinstance(values.get(f), int) or not 1 <= values[f] <= 5:
            raise InputError(f"{f} must be a whole number from 1 to 5")
    comment = comment.strip()[:4000]
    conn.execute(
        delete(db.ratings).where(and_(db.ratings.c.document_id == document_id, db.ratings.c.user_id == user.id))
    )
    conn.execute(
        insert(db.ratings).values(
            document_id=document_id,
            user_id=user.id,
            comment=comment,
            updated_at=db.now(),
            **{f: values[f] for f in RATING_FIELDS},
        )
    )
    db.log(
        conn, user.id, "rate", "document", document_id, json.dumps({**values, "comment": comment}, ensure_ascii=False)
    )
    _combine(conn, document_id)


def decide(
    conn: Connection, user: User, document_id: int, decision: str, filing_as: str, pct: bool, requests: str
) -> None:
    """The chair's decision on a disclosure: file (as …), improve first (with requests), or do not file."""
    if not user.is_chair:
        raise Forbidden
    row = check_document(conn, user, document_id)
    if row.kind != "disclosure":
        raise InputError("decisions are taken on disclosures")
    if decision not in DECISIONS:
        raise InputError(f"decision must be one of {', '.join(DECISIONS)}")
    if decision == "improve" and not requests.strip():
        raise InputError("improve first: say what is to be improved")
    values = {
        "decision": decision,
        "filing_as": filing_as.strip()[:200],
        "pct": pct,
        "requests": requests.strip()[:4000],
    }
    conn.execute(delete(db.decisions).where(db.decisions.c.document_id == document_id))
    conn.execute(
        insert(db.decisions).values(document_id=document_id, decided_by=user.id, decided_at=db.now(), **values)
    )
    db.log(conn, user.id, "decide", "document", document_id, json.dumps(values, ensure_ascii=False))
    assess(conn, document_id)  # the route (PCT or not) changes the filing plan


def _combine(conn: Connection, document_id: int) -> None:
    """The combined score: the automatic criteria with the members' mean ratings, under the rubric's weights."""
    from claimcheck.disclose import load_rubric

    row = conn.execute(select(db.documents).where(db.documents.c.id == document_id)).one()
    if not row.assessment:
        return
    doc = json.loads(row.assessment)
    means = rating_means(conn, document_id)
    rubric = load_rubric()
    total = sum(c["weight"] * c["score"] for c in doc["criteria"] if c["source"] == "auto")
    weight = sum(c["weight"] for c in doc["criteria"] if c["source"] == "auto")
    for name, opts in rubric.get("panel", {}).items():
        key = name.replace("-", "_")
        if key in means:
            v = (means[key] - 1) / 4
            v = 1 - v if opts.get("inverted") else v
            total += float(opts.get("weight", 0)) * 100 * v
            weight += float(opts.get("weight", 0))
    combined = round(total / weight, 1) if weight else 0.0
    conn.execute(update(db.documents).where(db.documents.c.id == document_id).values(combined=combined))


def rating_means(conn: Connection, document_id: int) -> dict[str, float]:
    """The members' mean ratings of a disclosure (empty when nobody rated it)."""
    row = conn.execute(
        select(
            func.count(db.ratings.c.id),
            *[func.avg(getattr(db.ratings.c, f)) for f in RATING_FIELDS],
        ).where(db.ratings.c.document_id == document_id)
    ).one()
    if not row[0]:
        return {}
    return {f: round(float(v), 2) for f, v in zip(RATING_FIELDS, row[1:], strict=True)}


# ---------------------------------------------------------------------------------------------------- reading


def overview(conn: Connection, user: User, round_id: int) -> list[RoundRow]:
    """The disclosures of a round, ranked by combined score (best first)."""
    check_round(conn, user, round_id)
    names = {u.id: u.display_name for u in members(conn)}
    out: list[RoundRow] = []
    for d in conn.execute(
        select(db.documents).where(and_(db.documents.c.round_id == round_id, db.documents.c.kind == "disclosure"))
    ):
        doc = json.loads(d.assessment or "{}")
        ratings = [
            {
                "user_id": r.user_id,
                "member": names.get(r.user_id, "?"),
                **{f: getattr(r, f) for f in RATING_FIELDS},
                "comment": r.comment,
            }
            for r in conn.execute(select(db.ratings).where(db.ratings.c.document_id == d.id).order_by(db.ratings.c.id))
        ]
        dec = conn.execute(select(db.decisions).where(db.decisions.c.document_id == d.id)).first()
        decision = None
        if dec is not None:
            decision = {
                "decision": dec.decision,
                "decision_zh": DECISIONS[dec.decision],
                "filing_as": dec.filing_as,
                "pct": dec.pct,
                "requests": dec.requests,
                "by": names.get(dec.decided_by, "?"),
            }
        out.append(
            RoundRow(
                d.id,
                d.filename,
                d.title or d.filename,
                d.score or 0.0,
                d.combined if d.combined is not None else d.score or 0.0,
                d.verdict or "",
                bool(d.may_draft),
                doc.get("risks", []),
                doc.get("filing_plan"),
                doc.get("requests", []),
                rating_means(conn, d.id),
                ratings,
                decision,
            )
        )
    return sorted(out, key=lambda r: (-r.combined, r.id))


def prior_art_documents(conn: Connection, user: User, round_id: int) -> list[Any]:
    """The prior-art documents uploaded to a round."""
    check_round(conn, user, round_id)
    return list(
        conn.execute(
            select(db.documents.c.id, db.documents.c.filename).where(
                and_(db.documents.c.round_id == round_id, db.documents.c.kind == "prior-art")
            )
        ).all()
    )


def audit_log(conn: Connection, user: User, limit: int = 500) -> list[Any]:
    """The latest entries of the audit log (chair only)."""
    if not user.is_chair:
        raise Forbidden
    names = {u.id: u.username for u in members(conn)}
    rows = conn.execute(select(db.audit).order_by(db.audit.c.id.desc()).limit(limit)).all()
    return [
        {
            "at": r.at,
            "user": names.get(r.user_id, "—"),
            "action": r.action,
            "entity": f"{r.entity} {r.entity_id or ''}",
            "detail": r.detail,
        }
        for r in rows
    ]
