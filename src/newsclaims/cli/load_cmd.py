"""``newsclaims load``: a Parquet dataset (``ingest --engine spark``) into the local store."""

from __future__ import annotations

import click

from newsclaims.cli.query_cmd import db_option
from newsclaims.store import open_store
from newsclaims.store.dataset import load_dataset
from newsclaims.terminal import printable


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(exists=True, file_okay=False))
@db_option
def load(directory: str, db: str) -> None:
    """Load a folder of Parquet tables (the output of ingest --engine spark, or of export) into the
    store. Articles already stored (same id) are left as they are, so loading twice adds nothing."""
    con = open_store(db)
    try:
        added = load_dataset(con, directory)
    finally:
        con.close()
    articles = added.get("articles", 0)
    records = ", ".join(f"{added.get(t, 0)} {t}" for t in ("statements", "figures", "times", "entities"))
    click.echo(f"{articles} articles loaded into {printable(db)} ({records}), {added.get('rejected', 0)} rejections")
