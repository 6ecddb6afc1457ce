"""Dates as inputs state them: ISO 8601 (JSONL, Atom) or RFC 2822 (RSS)."""

from __future__ import annotations

import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime


def parse_date(value: object) -> date | None:
    """The calendar date a value names, in its own time zone; None when it names none.

    The local date is what a reader of the article saw: "Fri, 01 Nov 2024 00:30 +0100" is the 1st,
    though it is still the 31st in UTC.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time):
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
