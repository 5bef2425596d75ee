"""The review panel's server: accounts, CSRF, visibility, uploads, ratings, decisions, exports, audit, migrations.

Runs through Flask's test client on a real SQLite file and, where the PostgreSQL server binaries are installed,
on a real PostgreSQL database (tests/pgserver.py).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from pgserver import pg_server, pg_url  # noqa: F401  (pytest fixtures)
from test_score_panel import minimal_pdf

pytest.importorskip("flask")

from sqlalchemy import func, select

from claimcheck.errors import InputError
from claimcheck.web import db
from claimcheck.web.app import WebConfig, create_app
from claimcheck.web.auth import create_user, hash_password, verify_password

FOLDER = ROOT / "tests" / "disclosures"
PASSWORD = "correct horse 8"


def make_app(url: str) -> Any:
    app = create_app(WebConfig(url, max_upload_mb=1, max_request_mb=3))
    engine = app.extensions["claimcheck"]["engine"]
    with engine.begin() as conn:
        create_user(conn, "chair", PASSWORD, "chair", "张主任")
        create_user(conn, "li", PASSWORD, "member", "李专家")
        create_user(conn, "wang", PASSWORD, "member", "王专家")
    return app


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, html[:500]
    return m.group(1)


def login(app: Any, user: str, password: str = PASSWORD) -> Any:
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    r = client.post("/login", data={"username": user, "password": password, "csrf": csrf_of(page)})
    assert r.status_code == 302, r.get_data(as_text=True)[:300]
    return client


def token(client: Any, path: str = "/") -> str:
    return csrf_of(client.get(path).get_data(as_text=True))


def user_id(app: Any, name: str) -> int:
    with app.extensions["claimcheck"]["engine"].begin() as conn:
        return int(conn.execute(select(db.users.c.id).where(db.users.c.username == name)).scalar_one())


def run_panel(app: Any) -> None:
    """A whole round: create, upload a batch, assess, rate, decide, export; forbidden access; audit."""
    chair = login(app, "chair")
    r = chair.post(
        "/rounds",
        data={"name": "2025年第一次预审", "members": [user_id(app, "chair"), user_id(app, "li")], "csrf": token(chair)},
    )
    assert r.status_code == 302
    round_url = r.headers["Location"]
    files = [
        (io.BytesIO((FOLDER / n).read_bytes()), n) for n in ("mech-excellent.md", "mech-poor.txt", "risk-prior-use.txt")
    ]
    files.append((io.BytesIO(minimal_pdf(["Title: Heat sink", "Technical field", "Cooling."])), "heat.pdf"))
    files.append((io.BytesIO(b"MZ\x90\x00binary"), "setup.exe"))
    r = chair.post(
        f"{round_url}/upload",
        data={"files": files, "kind": "disclosure", "csrf": token(chair, round_url)},
        content_type="multipart/form-data",
    )
    assert r.status_code == 302
    page = chair.get(r.headers["Location"]).get_data(as_text=True)
    assert "setup.exe: only .docx, .txt, .md, .pdf files are accepted" in page
    titles = re.findall(r'class="doc-link">([^<]+)<', page)
    assert titles[0].startswith("一种光伏组件清扫机器人") and len(titles) == 4
    assert "申请前公开" in page  # the risk of the prior-use disclosure in the overview
    prior = [(io.BytesIO((FOLDER / "prior" / "CN-demo-robot-guide.txt").read_bytes()), "CN-demo-robot-guide.txt")]
    r = chair.post(
        f"{round_url}/upload",
        data={"files": prior, "kind": "prior-art", "csrf": token(chair, round_url)},
        content_type="multipart/form-data",
    )
    assert r.status_code == 302
    doc_url = re.findall(r'href="(/documents/\d+)" class="doc-link"', chair.get(round_url).get_data(as_text=True))[0]
    page = chair.get(doc_url).get_data(as_text=True)
    assert '<mark class="key"' in page and "CN-demo-robot-guide.txt" in page
    risk_url = next(
        u
        for u in re.findall(r'href="(/documents/\d+)" class="doc-link"', chair.get(round_url).get_data(as_text=True))
        if "申请前公开" in chair.get(u).get_data(as_text=True)
    )
    risk_page = chair.get(risk_url).get_data(as_text=True)
    assert '<mark class="risk" title="申请前公开' in risk_page and "专利法 第22条第2款" in risk_page

    member = login(app, "li")
    r = member.post(
        f"{doc_url}/rate",
        data={
            "market_demand": "5",
            "commercial_risk": "2",
            "grant_prospect": "4",
            "comment": "市场前景好",
            "csrf": token(member),
        },
    )
    assert r.status_code == 302
    bad = member.post(
        f"{doc_url}/rate",
        data={"market_demand": "9", "commercial_risk": "2", "grant_prospect": "4", "csrf": token(member)},
    )
    assert bad.status_code == 400
    assert member.post(f"{doc_url}/decide", data={"decision": "file", "csrf": token(member)}).status_code == 403
    no_csrf = member.post(f"{doc_url}/rate", data={"market_demand": "1", "commercial_risk": "1", "grant_prospect": "1"})
    assert no_csrf.status_code == 400

    r = chair.post(
        f"{doc_url}/decide",
        data={"decision": "file", "filing_as": "发明+实用新型", "pct": "on", "requests": "", "csrf": token(chair)},
    )
    assert r.status_code == 302
    page = chair.get(doc_url).get_data(as_text=True)
    assert "建议申请" in page and "PCT国际申请" in page  # the plan follows the decision's route
    no_reason = chair.post(f"{risk_url}/decide", data={"decision": "improve", "requests": " ", "csrf": token(chair)})
    assert no_reason.status_code == 400

    rows = list(csv.reader(io.StringIO(chair.get(f"{round_url}/export.csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][:3] == ["rank", "title", "file"] and len(rows) == 5
    assert rows[1][7] == "5.0" and rows[1][13] == "file" and rows[1][15] == "yes"
    minute = chair.get(f"{round_url}/minute.docx")
    import docx

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(minute.data)).paragraphs)
    assert (
        "专利申请预审会议纪要" in text
        and "李专家：市场前景好" in text
        and "决定：建议申请（发明+实用新型），PCT" in text
    )

    outsider = login(app, "wang")
    assert outsider.get(round_url).status_code == 403
    assert outsider.get(doc_url).status_code == 403
    assert outsider.get(f"{round_url}/export.csv").status_code == 403
    assert "2025年第一次预审" not in outsider.get("/").get_data(as_text=True)
    assert outsider.get("/audit").status_code == 403

    log = chair.get("/audit").get_data(as_text=True)
    for action in ("create-round", "upload", "rate", "decide", "export", "login"):
        assert f"<td>{action}</td>" in log
    with app.extensions["claimcheck"]["engine"].begin() as conn:
        assert conn.execute(select(func.count()).select_from(db.audit)).scalar_one() >= 15


def test_panel_on_a_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'panel.sqlite3'}"
    app = make_app(url)
    run_panel(app)
    assert (tmp_path / "panel.sqlite3").stat().st_size > 0


def test_panel_on_postgresql(pg_url: str) -> None:  # noqa: F811
    run_panel(make_app(pg_url))


def test_login_session_and_headers(tmp_path: Path) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    client = app.test_client()
    assert client.get("/").status_code == 302  # no session: to the login page
    page = client.get("/login")
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    wrong = client.post(
        "/login", data={"username": "chair", "password": "nope", "csrf": csrf_of(page.get_data(as_text=True))}
    )
    assert wrong.status_code == 401
    forged = app.test_client().post("/login", data={"username": "chair", "password": PASSWORD, "csrf": "x"})
    assert forged.status_code == 400
    chair = login(app, "chair")
    cookie = chair.get_cookie("claimcheck_panel")
    assert cookie is not None and cookie.http_only
    assert chair.post("/logout", data={"csrf": token(chair)}).status_code == 302
    assert chair.get("/").status_code == 302  # the session is gone on the server


def test_upload_limits_and_bad_files(tmp_path: Path) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    chair = login(app, "chair")
    r = chair.post("/rounds", data={"name": "r", "members": [], "csrf": token(chair)})
    round_url = r.headers["Location"]
    big = io.BytesIO(b"x" * (4 * 1_048_576))
    r = chair.post(
        f"{round_url}/upload",
        data={"files": [(big, "big.txt")], "kind": "disclosure", "csrf": token(chair, round_url)},
        content_type="multipart/form-data",
    )
    assert r.status_code == 413
    bad = [
        (io.BytesIO(b"PK\x03\x04not really a docx"), "broken.docx"),
        (io.BytesIO(b"%PDF-1.4 broken"), "broken.pdf"),
        (io.BytesIO(b"x" * 1_100_000), "over.txt"),
        (io.BytesIO(b"<?xml version='1.0'?><!DOCTYPE a [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><a>&e;</a>"), "x.md"),
    ]
    r = chair.post(
        f"{round_url}/upload",
        data={"files": bad, "kind": "disclosure", "csrf": token(chair, round_url)},
        content_type="multipart/form-data",
    )
    page = chair.get(r.headers["Location"]).get_data(as_text=True)
    assert page.count("upload-error") == 4 and "root:" not in page
    assert "尚未上传交底书" in page


def test_passwords_and_migrations(tmp_path: Path) -> None:
    stored = hash_password("s3cret-pass")
    assert stored.startswith("scrypt$") and "s3cret" not in stored
    assert verify_password("s3cret-pass", stored) and not verify_password("s3cret-pasS", stored)
    assert not verify_password("x", "md5$abc")
    engine = db.connect(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    assert db.migrate(engine) == len(db.MIGRATIONS)
    assert db.migrate(engine) == len(db.MIGRATIONS)  # idempotent
    with engine.begin() as conn:
        assert db.current_version(conn) == len(db.MIGRATIONS)


def test_serve_command_adds_users_and_reports_bad_databases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_cli import run

    monkeypatch.setenv("CLAIMCHECK_PASSWORD", PASSWORD)
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    r = run("serve", "--database-url", url, "--add-user", "zhang", "--role", "chair")
    assert r.returncode == 0, r.stderr
    engine = db.connect(url)
    with engine.begin() as conn:
        with pytest.raises(InputError, match="exists already"):
            create_user(conn, "zhang", PASSWORD, "member")
        with pytest.raises(InputError, match="at least 8"):
            create_user(conn, "short", "x", "member")
    from typer.testing import CliRunner

    from claimcheck.cli.app import app

    bad = CliRunner().invoke(
        app, ["serve", "--database-url", "postgresql://nobody@127.0.0.1:1/none", "--add-user", "x"]
    )
    assert bad.exit_code == 2 and "cannot open the database" in bad.stderr and "Traceback" not in bad.output
    config = tmp_path / "panel.toml"
    config.write_text('[web]\ndatabase-url = "sqlite:///x.sqlite3"\nport = 1\n', encoding="utf-8")
    wrong = CliRunner().invoke(app, ["serve", "--config", str(config)])
    assert wrong.exit_code == 2 and "unknown key(s) in [web]: port" in wrong.stderr


def test_prior_art_is_compared_from_its_stored_text_without_writing_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimcheck.match import read_document
    from claimcheck.match.documents import text_document
    from claimcheck.web import service

    text = "一种散热装置，包括底板和风扇。\n所述底板为铜制。\n\nThe fan is an axial fan.\n"
    path = tmp_path / "D1.txt"
    path.write_text(text, encoding="utf-8")
    read = read_document(path, "D1")
    made = text_document("D1", "D1.txt", text)
    assert (made.text, made.passages, made.language) == (read.text, read.passages, read.language)

    def no_write(*_a: object, **_k: object) -> None:
        raise AssertionError("a file was written")

    monkeypatch.setattr(Path, "write_text", no_write)
    monkeypatch.setattr(Path, "write_bytes", no_write)
    comparer = service._prior_comparer([("D1.txt", text)])
    assert comparer is not None
