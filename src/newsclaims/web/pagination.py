"""Opaque cursors: the sort key of a page's last row, as URL-safe base64 of JSON."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import date, datetime

from newsclaims.store import Listing
from newsclaims.store.listing import KeyValue
from newsclaims.web.errors import ApiError

MAX_CURSOR = 2000


def encode_cursor(key: list[KeyValue] | None) -> str | None:
    if key is None:
        return None
    plain = [v.isoformat() if isinstance(v, date | datetime) else v for v in key]
    return base64.urlsafe_b64encode(json.dumps(plain, ensure_ascii=True).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, listing: Listing) -> list[KeyValue] | None:
    """The key a cursor holds, checked against the listing's key types; 400 for anything else."""
    if not cursor:
        return None
    try:
        if len(cursor) > MAX_CURSOR:
            raise ValueError("too long")
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(raw, list) or len(raw) != len(listing.keys):
            raise ValueError("wrong shape")
        return [_typed(value, key.type) for value, key in zip(raw, listing.keys, strict=True)]
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise ApiError(400, "invalid cursor: pass back the next_cursor of a previous page unchanged") from exc


def _typed(value: object, sql_type: str) -> KeyValue:
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("a key part holds a NUL character")
    if sql_type == "DATE" and isinstance(value, str):
        return date.fromisoformat(value)
    if sql_type == "TIMESTAMP" and isinstance(value, str):
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is not None:
            raise ValueError("store timestamps carry no time zone")
        return moment
    if sql_type == "VARCHAR" and isinstance(value, str):
        return value
    if sql_type == "BIGINT" and isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**62:
        return value
    raise ValueError(f"a {sql_type} key part cannot be {value!r}")
