"""Valid Unicode at the boundary: what the readers hand on holds no lone surrogate, whatever came in.

Lone surrogates enter through JSON escapes (``"\\udfff"``), numeric character references in
feeds, legacy codecs such as UTF-7, and file names that are not UTF-8 (``os.fsdecode`` carries
their bytes as surrogate escapes). No UTF-8 writer accepts them: one in a title once cost a whole
commit batch. Text fields get U+FFFD for each (one character for one, so offsets into the text
hold); file names keep their bytes, written ``\\xNN``, so the name shown still finds the file.
"""

from __future__ import annotations

import dataclasses
import re

from newsclaims.reading import ReadText, valid_text
from newsclaims.records import Rejected
from newsclaims.sources.item import SourceItem

_SURROGATE = re.compile("[\ud800-\udfff]")


def _valid_optional(text: str | None) -> str | None:
    return None if text is None else valid_text(text)


def display_name(name: str) -> str:
    """A file name as newsclaims stores and shows it: bytes that are not UTF-8 written ``\\xNN``
    (as ``ls -b`` and Python's backslashreplace do), everything else as it is."""
    if _SURROGATE.search(name) is None:
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte (a JSON escape, not a file name)
        return valid_text(name)


def clean_item(item: SourceItem | Rejected) -> SourceItem | Rejected:
    """The item with every text field valid Unicode, and its source a displayable name."""
    if isinstance(item, Rejected):
        if _all_valid(item.source, item.reason, item.detail):
            return item
        return Rejected(display_name(item.source), valid_text(item.reason), _valid_optional(item.detail))
    read = clean_read(item.read)
    if read is item.read and _all_valid(item.source, item.lang, item.url, item.title, item.ref):
        return item
    return dataclasses.replace(
        item,
        source=display_name(item.source),
        read=read,
        lang=_valid_optional(item.lang),
        url=_valid_optional(item.url),
        title=_valid_optional(item.title),
        ref=_valid_optional(item.ref),
    )


def clean_read(read: ReadText) -> ReadText:
    """A ReadText with valid text, title and url (``extract`` reads without a SourceItem)."""
    if _all_valid(read.text, read.title, read.url, read.lang):
        return read
    return dataclasses.replace(
        read,
        text=valid_text(read.text),
        title=_valid_optional(read.title),
        url=_valid_optional(read.url),
        lang=_valid_optional(read.lang),
    )


def _all_valid(*texts: str | None) -> bool:
    return all(text is None or _SURROGATE.search(text) is None for text in texts)
