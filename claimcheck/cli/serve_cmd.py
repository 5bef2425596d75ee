"""``claimcheck serve``: the review panel's web page (the ``web`` extra)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="TOML file with a [web] table: database-url, max-upload-mb."),
    ] = None,
    database_url: Annotated[
        str | None,
        typer.Option(
            "--database-url",
            help="sqlite:///panel.sqlite3 or postgresql://user@host/db (default: CLAIMCHECK_DATABASE_URL, the "
            "configuration, or claimcheck-panel.sqlite3 here).",
        ),
    ] = None,
    add_user: Annotated[
        str | None,
        typer.Option(
            "--add-user", help="Create this account and exit (password from CLAIMCHECK_PASSWORD or a prompt)."
        ),
    ] = None,
    role: Annotated[str, typer.Option("--role", help="Role of --add-user: chair or member.")] = "member",
    display_name: Annotated[str, typer.Option("--name", help="Display name of --add-user.")] = "",
) -> None:
    """Serve the pre-filing review panel (预审) in a browser: upload, assess, rate, decide, export."""
    from claimcheck.errors import ConfigError, InputError

    try:
        from claimcheck.web.app import create_app, load_config
        from claimcheck.web.auth import create_user
        from claimcheck.web.db import connect, migrate
    except ImportError as e:
        typer.echo(
            f'claimcheck: error: the web page needs the web extra (pip install "claimcheck[web]"): {e}', err=True
        )
        raise typer.Exit(2) from None
    try:
        cfg = load_config(config, database_url)
        engine = connect(cfg.database_url)
        migrate(engine)
    except (ConfigError, InputError) as e:
        typer.echo(f"claimcheck: error: {e}", err=True)
        raise typer.Exit(2) from None
    except Exception as e:  # a database that cannot be reached: one line, no traceback
        typer.echo(
            f"claimcheck: error: cannot open the database: {type(e).__name__}: {str(e).splitlines()[0]}", err=True
        )
        raise typer.Exit(2) from None
    if add_user is not None:
        password = os.environ.get("CLAIMCHECK_PASSWORD") or typer.prompt(
            f"password for {add_user}", hide_input=True, confirmation_prompt=True
        )
        try:
            with engine.begin() as conn:
                create_user(conn, add_user, password, role, display_name)
        except InputError as e:
            typer.echo(f"claimcheck: error: {e}", err=True)
            raise typer.Exit(2) from None
        typer.echo(f"claimcheck: created {role} '{add_user}'", err=True)
        return
    from waitress import serve as waitress_serve  # type: ignore[import-untyped]

    app = create_app(cfg, engine)
    typer.echo(
        f"claimcheck: review panel on http://{host}:{port}/ (database: {engine.url.render_as_string()})", err=True
    )
    waitress_serve(app, host=host, port=port, threads=8, max_request_body_size=cfg.max_request_mb * 1_048_576)
