"""The panel's web application (Flask, server-rendered pages).

Every page but the login needs a session; every POST carries the session's CSRF token; a member reaches only the
rounds they are on (any other round answers 403).  Uploads are limited in size (``MAX_CONTENT_LENGTH`` for the
request, ``max_upload_mb`` per file) and parsed by the project's readers, never executed or stored as files.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, g, redirect, render_template, request, url_for
from sqlalchemy import Engine
from werkzeug.wrappers import Response as BaseResponse

from claimcheck.errors import InputError
from claimcheck.web import auth, db, service
from claimcheck.web.highlight import highlight

SESSION_COOKIE = "claimcheck_panel"
LOGIN_CSRF_COOKIE = "claimcheck_login"


@dataclass(frozen=True, slots=True)
class WebConfig:
    """Where the data lives and how much may be uploaded."""

    database_url: str
    max_upload_mb: int = 10
    max_request_mb: int = 50
    secure_cookies: bool = False


def create_app(config: WebConfig, engine: Engine | None = None) -> Flask:
    """The application, its database migrated to the latest schema."""
    app = Flask(__name__, template_folder="templates", static_folder="static")
    app.config["MAX_CONTENT_LENGTH"] = config.max_request_mb * 1_048_576
    app.config["MAX_FORM_MEMORY_SIZE"] = 1_048_576
    engine = engine or db.connect(config.database_url)
    db.migrate(engine)
    app.extensions["claimcheck"] = {"engine": engine, "config": config}
    max_bytes = config.max_upload_mb * 1_048_576

    def cookie(resp: BaseResponse, name: str, value: str, max_age: int | None = None) -> None:
        resp.set_cookie(
            name, value, max_age=max_age, httponly=True, samesite="Lax", secure=config.secure_cookies, path="/"
        )

    @app.before_request
    def load_user() -> Any:
        g.user = None
        g.csrf = ""
        token = request.cookies.get(SESSION_COOKIE)
        if token:
            with engine.begin() as conn:
                found = auth.session_user(conn, token)
            if found is not None:
                g.user, g.csrf = found
        if request.endpoint in ("login", "static") or request.endpoint is None:
            return None
        if g.user is None:
            return redirect(url_for("login"))
        if request.method == "POST":
            sent = request.form.get("csrf", "")
            if not (sent and hmac.compare_digest(sent, g.csrf)):
                abort(400, "CSRF token missing or wrong")
        return None

    @app.after_request
    def headers(resp: Response) -> Response:
        resp.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; frame-ancestors 'none'; form-action 'self'"
        )
        resp.headers["X-Frame-Options"] = "DENY"
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "same-origin"
        resp.headers["Cache-Control"] = "no-store"
        return resp

    @app.errorhandler(service.Forbidden)
    def forbidden(_e: service.Forbidden) -> tuple[str, int]:
        return render_template("error.html", code=403, message="无权访问 / forbidden"), 403

    @app.errorhandler(413)
    def too_large(_e: Any) -> tuple[str, int]:
        return render_template("error.html", code=413, message="上传文件过大 / upload too large"), 413

    @app.errorhandler(400)
    def bad_request(e: Any) -> tuple[str, int]:
        return render_template("error.html", code=400, message=str(getattr(e, "description", e))), 400

    @app.errorhandler(404)
    def not_found(_e: Any) -> tuple[str, int]:
        return render_template("error.html", code=404, message="页面不存在 / not found"), 404

    @app.route("/login", methods=["GET", "POST"])
    def login() -> Any:
        error = ""
        if request.method == "POST":
            sent = request.form.get("csrf", "")
            expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
            if not (sent and expected and hmac.compare_digest(sent, expected)):
                abort(400, "CSRF token missing or wrong")
            with engine.begin() as conn:
                user = auth.authenticate(conn, request.form.get("username", ""), request.form.get("password", ""))
                if user is not None:
                    token = auth.open_session(conn, user)
                    db.log(conn, user.id, "login", "user", user.id)
                else:
                    db.log(conn, None, "login-failed", "user", None, request.form.get("username", "")[:64])
            if user is not None:
                resp = redirect(url_for("rounds"))
                cookie(resp, SESSION_COOKIE, token, auth.SESSION_HOURS * 3600)
                resp.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
                return resp
            error = "用户名或密码错误 / wrong user name or password"
        token = secrets.token_urlsafe(24)
        resp = Response(render_template("login.html", csrf_login=token, error=error), status=401 if error else 200)
        cookie(resp, LOGIN_CSRF_COOKIE, token)
        return resp

    @app.post("/logout")
    def logout() -> Any:
        with engine.begin() as conn:
            auth.close_session(conn, request.cookies.get(SESSION_COOKIE, ""))
            db.log(conn, g.user.id, "logout", "user", g.user.id)
        resp = redirect(url_for("login"))
        resp.delete_cookie(SESSION_COOKIE, path="/")
        return resp

    @app.get("/")
    def rounds() -> Any:
        with engine.begin() as conn:
            rows = service.visible_rounds(conn, g.user)
            people = service.members(conn)
        return render_template("rounds.html", rounds=rows, people=people)

    @app.post("/rounds")
    def create_round() -> Any:
        ids = [int(x) for x in request.form.getlist("members") if x.isdigit()]
        try:
            with engine.begin() as conn:
                rid = service.create_round(conn, g.user, request.form.get("name", ""), ids)
        except InputError as e:
            abort(400, str(e))
        return redirect(url_for("round_page", round_id=rid))

    @app.get("/rounds/<int:round_id>")
    def round_page(round_id: int) -> Any:
        with engine.begin() as conn:
            row = service.check_round(conn, g.user, round_id)
            ranked = service.overview(conn, g.user, round_id)
            prior = service.prior_art_documents(conn, g.user, round_id)
            on = service.round_member_ids(conn, round_id)
            people = [p for p in service.members(conn) if p.id in on]
        errors = request.args.getlist("error")
        return render_template("round.html", round=row, rows=ranked, prior=prior, people=people, errors=errors)

    @app.post("/rounds/<int:round_id>/upload")
    def upload(round_id: int) -> Any:
        files = [(f.filename or "upload", f.read(max_bytes + 1)) for f in request.files.getlist("files") if f]
        kind = request.form.get("kind", "disclosure")
        if not files:
            abort(400, "no file chosen")
        try:
            with engine.begin() as conn:
                _ids, errors = service.upload(conn, g.user, round_id, files, kind, max_bytes)
        except InputError as e:
            abort(400, str(e))
        return redirect(url_for("round_page", round_id=round_id, error=errors))

    @app.get("/documents/<int:document_id>")
    def document_page(document_id: int) -> Any:
        import json

        with engine.begin() as conn:
            row = service.check_document(conn, g.user, document_id)
            rnd = service.check_round(conn, g.user, row.round_id)
            entry = next((r for r in service.overview(conn, g.user, row.round_id) if r.id == document_id), None)
        if row.kind != "disclosure" or entry is None:
            return render_template("prior.html", doc=row, round=rnd)
        doc = json.loads(row.assessment or "{}")
        mine = next((r for r in entry.ratings if r["user_id"] == g.user.id), None)
        return render_template(
            "document.html",
            doc=row,
            round=rnd,
            a=doc,
            entry=entry,
            segments=highlight(row.text, doc),
            mine=mine,
            decisions=service.DECISIONS,
        )

    @app.post("/documents/<int:document_id>/rate")
    def rate(document_id: int) -> Any:
        try:
            values = {f: int(request.form.get(f, "0")) for f in service.RATING_FIELDS}
        except ValueError:
            abort(400, "ratings are whole numbers from 1 to 5")
        try:
            with engine.begin() as conn:
                service.rate(conn, g.user, document_id, values, request.form.get("comment", ""))
        except InputError as e:
            abort(400, str(e))
        return redirect(url_for("document_page", document_id=document_id))

    @app.post("/documents/<int:document_id>/decide")
    def decide(document_id: int) -> Any:
        try:
            with engine.begin() as conn:
                service.decide(
                    conn,
                    g.user,
                    document_id,
                    request.form.get("decision", ""),
                    request.form.get("filing_as", ""),
                    request.form.get("pct") == "on",
                    request.form.get("requests", ""),
                )
        except InputError as e:
            abort(400, str(e))
        return redirect(url_for("document_page", document_id=document_id))

    def export_rows(round_id: int) -> tuple[Any, list[dict[str, Any]], list[str]]:
        with engine.begin() as conn:
            row = service.check_round(conn, g.user, round_id)
            rows = [asdict(r) for r in service.overview(conn, g.user, round_id)]
            on = service.round_member_ids(conn, round_id)
            names = [p.display_name for p in service.members(conn) if p.id in on]
            db.log(conn, g.user.id, "export", "round", round_id, request.path)
        return row, rows, names

    @app.get("/rounds/<int:round_id>/export.csv")
    def export_csv(round_id: int) -> Response:
        from claimcheck.report.panel_minute import round_csv

        _row, rows, _names = export_rows(round_id)
        return Response(
            "\ufeff" + round_csv(rows),
            mimetype="text/csv",
            headers={"Content-Disposition": f"attachment; filename=round-{round_id}.csv"},
        )

    @app.get("/rounds/<int:round_id>/minute.docx")
    def export_minute(round_id: int) -> Response:
        from claimcheck.report.panel_minute import round_minute

        row, rows, names = export_rows(round_id)
        data = round_minute(row.name, rows, db.now().strftime("%Y-%m-%d"), names)
        return Response(
            data,
            mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            headers={"Content-Disposition": f"attachment; filename=round-{round_id}-minute.docx"},
        )

    @app.get("/audit")
    def audit_page() -> Any:
        with engine.begin() as conn:
            rows = service.audit_log(conn, g.user)
        return render_template("audit.html", rows=rows)

    @app.context_processor
    def globals_() -> dict[str, Any]:
        return {"user": g.get("user"), "csrf": g.get("csrf", "")}

    return app


def load_config(path: Path | None, database_url: str | None = None) -> WebConfig:
    """The configuration: ``[web]`` of a TOML file (``database-url``, ``max-upload-mb``), then the environment
    (``CLAIMCHECK_DATABASE_URL``), then the command line; SQLite in the current folder by default."""
    import os

    from claimcheck.errors import ConfigError
    from claimcheck.tomlfile import read_toml

    data: dict[str, Any] = {}
    if path is not None:
        data = read_toml(path, "configuration").get("web", {})
        unknown = set(data) - {"database-url", "max-upload-mb", "max-request-mb", "secure-cookies"}
        if unknown:
            raise ConfigError(f"{path}: unknown key(s) in [web]: {', '.join(sorted(unknown))}")
    url = database_url or os.environ.get("CLAIMCHECK_DATABASE_URL") or data.get("database-url")
    url = url or f"sqlite:///{Path('claimcheck-panel.sqlite3').resolve()}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return WebConfig(
        str(url),
        int(data.get("max-upload-mb", 10)),
        int(data.get("max-request-mb", 50)),
        bool(data.get("secure-cookies", False)),
    )
