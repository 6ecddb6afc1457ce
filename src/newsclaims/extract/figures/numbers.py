"""Number parsing: digit strings in either convention of separators, and number words (text2num).

Values are Decimals so that "7,2 milliards" is exactly 7 200 000 000 and not 7199999999.999999.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from text_to_num import text2num

MAX_DIGITS = 30  # longer digit strings are not quantities anyone reports: kept flagged, without a value
MAX_NUMBER_WORDS = 12
PLAUSIBLE = Decimal(10) ** 15  # above a quadrillion a figure is almost surely a misparse or junk

_SPACES = re.compile(r"[ \u00a0\u202f]")


def parse_digits(raw: str, thousands_separator: str) -> Decimal | None:
    """The value of a digit string ("8 000", "8.000", "8,000", "7,2", "1.5"), or None when malformed.

    A lone separator before exactly three digits groups thousands when it is the language's
    ``thousands_separator`` ("8.000" in French, "8,000" in English), and marks decimals otherwise.
    """
    grouped = _SPACES.search(raw) is not None
    text = _SPACES.sub("", raw)
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        if text.count(decimal_sep) > 1 or not _groups_ok(text.rsplit(decimal_sep, 1)[0], group_sep):
            return None
        return _decimal(text.replace(group_sep, "").replace(decimal_sep, "."))
    sep = "." if dots else "," if commas else ""
    if not sep:
        return _decimal(text)
    if grouped:  # "1 425,67": spaces group, the separator is decimal
        return _decimal(text.replace(sep, ".")) if text.count(sep) == 1 else None
    if text.count(sep) > 1:
        return _decimal(text.replace(sep, "")) if _groups_ok(text, sep) else None
    head, tail = text.split(sep)
    # "8.000" / "8,000": three zeros are thousands in either convention, nobody writes 8.000 for 8.
    thousands = sep == thousands_separator or tail == "000"
    if len(tail) == 3 and thousands and head != "0":
        return _decimal(head + tail)
    return _decimal(f"{head}.{tail}")


def _groups_ok(text: str, sep: str) -> bool:
    """Thousands groups: 1 to 3 digits, then groups of exactly 3 ("1.000.000", not "12.11.2012")."""
    head, *rest = text.split(sep)
    return 1 <= len(head) <= 3 and all(len(g) == 3 for g in rest)


def _decimal(text: str) -> Decimal | None:
    if not text or len(text.replace(".", "")) > MAX_DIGITS:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def digit_count(raw: str) -> int:
    return sum(c.isdigit() for c in raw)


def parse_words(phrase: str, lang: str, joiners: frozenset[str]) -> tuple[int, int] | None:
    """(value, length used) of the longest leading run of ``phrase`` that text2num reads as one number
    in ``lang`` (its language code; "" reads none), never ending on one of the ``joiners``.

    "vingt-deux" -> (22, 10); "deux et trois" -> (2, 4): the rest is another number.
    """
    if not lang:
        return None
    # No real number phrase runs past a dozen words; the cap keeps junk input ("vingt vingt ...") cheap.
    words = list(re.finditer(r"[^\s-]+", phrase))[:MAX_NUMBER_WORDS]
    for n in range(len(words), 0, -1):
        end = words[n - 1].end()
        if words[n - 1].group().lower() in joiners:
            continue
        try:
            return text2num(phrase[:end].lower(), lang), end
        except ValueError:
            continue
    return None


def as_number(value: Decimal) -> int | float:
    """An int when whole (8000, not 8000.0), else a float: what the JSON record carries."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
