"""How values read on a page: figures with their qualifier, dates, URLs that may be linked."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

QUALIFIER_WORDS = {
    "exact": "exactly",
    "approx": "about",
    "at_least": "at least",
    "at_most": "up to",
    "range": "between",
    "vague": "vague",
}
_PREFIX = {"approx": "~", "at_least": "≥", "at_most": "≤", "vague": "some "}


def qualifier_words(qualifier: str | None) -> str:
    return QUALIFIER_WORDS.get(qualifier or "", qualifier or "")


def number(value: float | None) -> str:
    return "?" if value is None else f"{value:,.10g}"


def figure_value(
    value: float | None,
    qualifier: str | None,
    low: float | None = None,
    high: float | None = None,
    unit: str | None = None,
    currency: str | None = None,
) -> str:
    """ "~10,000", "≥3,000", "2,000–3,000 USD": a figure as the CLI's story prints it."""
    if qualifier == "range" and low is not None and high is not None:
        text = f"{number(low)}–{number(high)}"
    else:
        text = number(value)
    suffix = f" {currency or unit}" if (currency or unit) else ""
    return _PREFIX.get(qualifier or "", "") + text + suffix


def http_url(url: str | None) -> str | None:
    """The URL when it may be a link (http or https with a host), else None: shown as text only."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(ord(c) < 0x21 for c in url.strip()):
        return url.strip()
    return None


def iso(value: date | None) -> str:
    return value.isoformat() if value else "—"
