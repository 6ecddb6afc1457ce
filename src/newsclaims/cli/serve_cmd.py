"""``newsclaims serve``: the store as web pages and an HTTP API."""

from __future__ import annotations

from pathlib import Path

import click

from newsclaims.cli.query_cmd import db_option
from newsclaims.errors import UsageError
from newsclaims.store import StoreError
from newsclaims.terminal import printable
from newsclaims.web.settings import DEFAULT_MAX_BODY, TOKEN_ENV


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every one).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free one).")
@click.option(
    "--token",
    envvar=TOKEN_ENV,
    default=None,
    help=f"Bearer token that POST /api/articles requires (or ${TOKEN_ENV}); without one, writes are off.",
)
@click.option(
    "--max-body-mb",
    type=click.FloatRange(min=0.001),
    default=DEFAULT_MAX_BODY / 2**20,
    show_default=True,
    help="Largest request body accepted (413 above).",
)
def serve(db: str, host: str, port: int, token: str | None, max_body_mb: float) -> None:
    """Serve the store: search, articles with their claims marked, story timelines, speakers, and a
    JSON API (/docs). While it runs, `newsclaims ingest` on the same store hands its articles to it,
    so the pages keep answering; read commands ask you to use the server instead."""
    from newsclaims.web.server import serve as run_server
    from newsclaims.web.settings import ServeSettings

    path = Path(db)
    if not path.exists():
        raise StoreError(f"no store at {path}; `newsclaims ingest` or `newsclaims demo` creates one (or pass --db)")
    if path.is_dir():
        if token is not None:
            raise UsageError(
                f"{printable(db)} is a Parquet dataset, served read-only: no --token"
                " (`newsclaims load` copies it into a store)"
            )
        from newsclaims.store import open_store

        open_store(path, read_only=True).close()  # a folder that is no dataset is refused now, not per request
    if token is not None and len(token) < 8:
        raise click.BadParameter("use a token of at least 8 characters", param_hint="--token")
    settings = ServeSettings(db=path, token=token or None, max_body=int(max_body_mb * 2**20))
    shown = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    mode = "a read-only dataset" if path.is_dir() else "writes on" if token else "writes off"
    click.echo(f"newsclaims: serving {path} at {shown}/ (API docs at /docs; {mode})")
    run_server(settings, host, port)
