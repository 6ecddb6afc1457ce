"""``newsclaims extract``: one article in, its record out."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from newsclaims.budget import seconds_for, time_limit
from newsclaims.cli.options import ISO_DATE, LANG_CHOICE, MAX_SECONDS
from newsclaims.errors import InputError
from newsclaims.lang import detect_language
from newsclaims.languages import is_supported, language_codes
from newsclaims.pipeline import extract_article, make_article
from newsclaims.reading import read_bytes, read_limited
from newsclaims.sources.clean import display_name
from newsclaims.terminal import safe_json


@click.command()
@click.argument("path", metavar="PATH|-")
@click.option("--lang", "lang", type=LANG_CHOICE, default="auto", show_default=True, help="Article language.")
@click.option("--published", type=ISO_DATE, default=None, help="Publication date, anchor for relative times.")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True, help="Output."
)
@click.option("--html/--text", "force_html", default=None, help="Read as HTML or plain text (default: detect).")
@click.option(
    "--explain", is_flag=True, help="Also list the candidates the extractors dropped, with the rule and the reason."
)
@MAX_SECONDS
def extract(
    path: str,
    lang: str,
    published: date | None,
    fmt: str,
    force_html: bool | None,
    explain: bool,
    max_seconds: float | None,
) -> None:
    """Extract statements, figures, times and entities from one article (plain text or HTML).
    An article that runs past its time bound is refused as too costly (exit code 4)."""
    data = _read_input(path)
    read = read_bytes(data, force_html=force_html)
    lang = lang.lower()
    if lang == "auto":
        lang = detect_language(read.text)
        if not is_supported(lang):
            raise InputError(
                "language", f"the text looks like {lang!r}; newsclaims reads {', '.join(language_codes())} (--lang)"
            )
    article = make_article(read, lang=lang, published=published, source=None if path == "-" else display_name(path))
    with time_limit(max_seconds or seconds_for(len(article.text))):
        record = extract_article(article, explain=explain)
    if fmt == "json":
        sys.stdout.write(safe_json(record.to_dict(explain=explain), indent=1) + "\n")
    else:
        from newsclaims.render import print_dropped, print_record

        print_record(record)
        if explain:
            print_dropped(record)


def _read_input(path: str) -> bytes:
    if path == "-":
        return read_limited(sys.stdin.buffer, "standard input")
    p = Path(path)
    if not p.exists():
        raise InputError("not-found", f"no such file: {path}")
    if p.is_dir():
        raise InputError("not-a-file", f"{path} is a folder; extract reads one article (see ingest)")
    try:
        with p.open("rb") as fh:
            return read_limited(fh, path)
    except OSError as exc:
        raise InputError("unreadable", f"{path}: {exc.strerror or exc}") from exc
