"""Bytes to text: decoding, binary detection, and HTML to main text with its metadata.

No I/O beyond what the caller hands in; everything raises ``InputError`` with a short reason so a
batch can record the rejection and go on.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from charset_normalizer import from_bytes

from newsclaims.errors import InputError

# Control characters that never occur in text; a few of them in the first kilobytes means binary.
_BINARY_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}
# What a page may open with before its first tag: a byte-order mark, an XML declaration, comments.
_PREAMBLE = rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
_HTML_START = re.compile(
    _PREAMBLE
    + rb"(<!doctype\s+html|<html|<head|<body|<meta|<title|<article|<main|<section|<h[1-6][\s>]|<p[\s>]|<div[\s>])",
    re.I | re.S,
)
# Files that are plainly not text, named so a rejection can say what the file was.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\xd0\xcf\x11\xe0", "an old office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "a program"),
)
# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# HTML declares latin-1 and ASCII but browsers (and real pages) mean windows-1252.
_DECLARED_ALIASES = {"latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252"}
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_LANG_ATTR = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3})\b", re.I)
_META_LANG = re.compile(
    r"<meta[^>]+http-equiv\s*=\s*[\"']?content-language[\"']?[^>]+content\s*=\s*[\"']?\s*([A-Za-z]{2,3})\b", re.I
)
_FULL_PAGE = re.compile(r"<(?:html|head|body)[\s>]", re.I)
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "header"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th"}
    | {"tr", "ul"}
)
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "svg", "head")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML collapses these, never the no-break space French needs


@dataclass(frozen=True)
class ReadText:
    """A decoded document, before language and extraction."""

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    encoding: str = "utf-8"
    is_html: bool = False
    lang: str | None = None  # what the document declares (HTML lang attribute), not a detection


def binary_kind(data: bytes) -> str | None:
    """What a binary input is ("a PDF document"), "binary data" when unknown, None when it looks like text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return "binary data" if looks_binary(data) else None


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16/32 text has NULs but starts with a BOM; anything else with NULs is binary.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"))
    controls = sum(1 for b in head if b in _BINARY_CONTROL)
    return controls > max(2, len(head) // 200)


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_text(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, one character for one (offsets hold).

    No UTF-8 writer accepts a lone surrogate; a few codecs (UTF-7) and JSON escapes make them.
    """
    return text if _SURROGATE.search(text) is None else _SURROGATE.sub("\ufffd", text)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes as UTF-8 when they are, else the most likely legacy encoding.

    ``declared`` is the charset the container names (HTTP header, HTML meta); it is tried before
    guessing, never before UTF-8. Returns (text, encoding); a byte-order mark is not part of the
    text, and the text is valid Unicode. Raises InputError for empty, binary or undecodable input.
    """
    text, encoding = _decode(data, declared)
    return valid_text(text), encoding


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    if not data or not data.strip():
        raise InputError("empty", "the input holds no text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, encoding)
    kind = binary_kind(data)
    if kind:
        raise InputError("binary", f"the input looks like {kind}, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_stray_bytes(data)
    if mixed is not None:
        return mixed, "utf-8+cp1252"
    codec = _codec_name(declared)
    if codec and codec != "utf_8":
        try:
            text = data.decode(codec)
            if not _garbled(text):
                return text, codec
        except UnicodeDecodeError:
            pass  # the declaration lies; guess as if there were none
    western = _western_decode(data)
    if western is not None:
        return western, "cp1252"
    return _decode_guessed(data)


def _decode_with_bom(data: bytes, encoding: str) -> tuple[str, str]:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError("encoding", f"starts with a {encoding} byte-order mark but is not {encoding}") from exc
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError("empty", "the input holds no text")
    if _garbled(text):
        raise InputError("encoding", f"decoding as {encoding} gives garbled text")
    return text, encoding.removesuffix("-sig")


def _decode_guessed(data: bytes) -> tuple[str, str]:
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise InputError("encoding", "not UTF-8, and no other text encoding fits")
    if best.encoding.startswith(("utf_16", "utf_32")):
        # Without a BOM these guesses only come from noise: French or English UTF-16 would hold NULs.
        raise InputError("encoding", "not UTF-8, and no other text encoding fits")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError("encoding", f"not UTF-8 and not {best.encoding}: {exc}") from exc
    if _garbled(text):
        raise InputError("encoding", f"not UTF-8; decoding as {best.encoding} gives garbled text")
    return text, best.encoding


def _western_decode(data: bytes) -> str | None:
    """cp1252 text when the bytes read as French or English in it, else None.

    newsclaims reads French and English, whose legacy files are nearly always cp1252/latin-1, and
    statistical detectors often mistake a short French text for a Baltic or Central European code page.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [c for c in text if ord(c) > 127]
    if not high:
        return text
    letters = sum(1 for c in high if c in _WESTERN_LETTERS)
    return text if letters / len(high) >= 0.8 else None


_WESTERN_LETTERS = set("àâäæçéèêëîïôöœùûüÿÀÂÄÆÇÉÈÊËÎÏÔÖŒÙÛÜŸ«»’‘“”–—…°€ñÑáíóúÁÍÓÚ\u00a0")


def _utf8_with_stray_bytes(data: bytes) -> str | None:
    """UTF-8 text with a few legacy bytes pasted in (a common copy-paste accident), repaired.

    The invalid bytes are read as windows-1252. None when the text is not mostly UTF-8: a whole
    cp1252 file has no valid multi-byte sequences and goes to detection instead.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    valid = sum(1 for c in text if ord(c) > 127) - invalid
    if valid == 0 or invalid > valid:
        return None
    return re.sub(r"[\udc80-\udcff]+", _cp1252_bytes, text)


def _cp1252_bytes(match: re.Match[str]) -> str:
    return "".join(_HIGH_BYTES[ord(c) - 0xDC80] for c in match.group())


def _high_byte(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)  # the five bytes cp1252 leaves undefined: read as latin-1 so nothing is lost


_HIGH_BYTES = [_high_byte(b) for b in range(0x80, 0x100)]


def _codec_name(declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.strip()).name.replace("-", "_")
    except LookupError:
        return None
    return _DECLARED_ALIASES.get(name, name)


def _garbled(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return True
    bad = sum(1 for c in sample if c == "\ufffd" or (ord(c) < 32 and c not in "\t\n\r\f"))
    return bad / len(sample) > 0.01


def looks_html(data: bytes | str) -> bool:
    head = data[:4096]
    if isinstance(head, str):
        head = head.encode("utf-8", "ignore")
    return bool(_HTML_START.match(head))


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page names in its ``<meta>`` tags, if any."""
    match = _META_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii") if match else None


def lang_tag(value: str | None) -> str | None:
    """ "fr-FR", "FR", "fr_CA" -> "fr"; None for anything that is not a language tag."""
    if not value:
        return None
    primary = re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def declared_lang(html: str) -> str | None:
    """The language a page declares (``<html lang>``, content-language meta)."""
    head = html[:8192]
    match = _LANG_ATTR.search(head) or _META_LANG.search(head)
    return lang_tag(match.group(1)) if match else None


def html_to_text(html: str, url: str | None = None) -> ReadText:
    """Main text, title and date of an HTML page, through trafilatura."""
    import trafilatura  # imported here: it is slow to import and plain-text runs never need it
    from trafilatura.settings import set_date_params

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
            # Dates from the page's markup only: the extensive search guesses from any date in the
            # text (on French wire stories, wrong one time in five) and costs 15x the extraction.
            date_extraction_params=set_date_params(False),
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup; all mean the same here
        raise InputError("html", f"the HTML cannot be parsed: {exc.__class__.__name__}") from exc
    if doc is None:
        raise InputError("html", "no main text found in the HTML")
    body = (getattr(doc, "text", None) or "").strip()
    title = (getattr(doc, "title", None) or "").strip() or None
    body = _without_title_line(body, title)
    if not body:
        raise InputError("html", "no main text found in the HTML")
    published = None
    raw_date = getattr(doc, "date", None)
    if raw_date:
        try:
            published = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    return ReadText(
        text=body,
        title=title,
        published=published,
        url=url or getattr(doc, "url", None),
        is_html=True,
        lang=declared_lang(html),
    )


def _without_title_line(body: str, title: str | None) -> str:
    """The body without a first line repeating the title (trafilatura keeps the <h1> on some pages only).

    The title travels in ``ReadText.title``; dropping the copy makes every page's text begin the
    same way, with its lead paragraph (where a wire story's dateline is).
    """
    if not title:
        return body
    first, sep, rest = body.partition("\n")
    if sep and rest.strip() and first.strip() == title:
        return rest.lstrip("\n")
    return body


def fragment_to_text(html: str) -> str:
    """Text of an HTML fragment (a feed item's content, a JSONL ``html`` field): all of it, one line per block.

    Fragments are the article already, so no boilerplate removal: trafilatura would drop short
    items. Raises InputError("html") when the markup cannot be parsed or holds no text.
    """
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError("html", f"the HTML cannot be parsed: {exc}") from exc
    # drop_tree keeps the tail text, which belongs to the parent; comments go too, as iterwalk skips them.
    for el in list(root.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction, *_DROP_TAGS)):
        el.drop_tree()
    parts: list[str] = []
    # iterwalk, not recursion: hostile markup can nest deeper than Python's stack.
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag in _BLOCK_TAGS or tag == "br":
                parts.append("\n")
            if el.text:
                parts.append(_HTML_SPACE.sub(" ", el.text))
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(_HTML_SPACE.sub(" ", el.tail))
    lines = (line.strip(" ") for line in "".join(parts).replace("\u00ad", "").split("\n"))
    text = "\n".join(line for line in lines if line)
    if not text:
        raise InputError("empty", "the HTML holds no text")
    return text


def html_any_to_text(html: str, url: str | None = None) -> ReadText:
    """A whole page through trafilatura, a fragment as it is: what feeds and JSONL hand in can be either."""
    if _FULL_PAGE.search(html[:65536]):
        return html_to_text(html, url=url)
    return ReadText(text=fragment_to_text(html), url=url, is_html=True)


def read_bytes(data: bytes, url: str | None = None, force_html: bool | None = None) -> ReadText:
    """Decode and, for HTML, extract. ``force_html`` overrides detection when the caller knows."""
    is_html = looks_html(data) if force_html is None else force_html
    text, encoding = decode(data, declared=declared_charset(data) if is_html else None)
    if is_html:
        read = html_to_text(text, url=url)
        return ReadText(read.text, read.title, read.published, read.url, encoding, True, read.lang)
    if not text.strip():
        raise InputError("empty", "the input holds no text")
    return ReadText(text=text, url=url, encoding=encoding)


MAX_BYTES = 20 * 1024 * 1024  # an article larger than this is a dump, not an article


def read_limited(stream: BinaryIO, name: str, limit: int = MAX_BYTES) -> bytes:
    """Read at most ``limit`` bytes; a larger input is refused rather than loaded whole."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError("too-large", f"{name} is over {limit // (1024 * 1024)} MB; split it into articles")
    return data
