"""Property-based tests (hypothesis): arbitrary Unicode and bytes fed to reading, the JSONL, feed
and WARC readers, the tokenizer and ``extract``. Whatever comes in, no exception escapes, every
text handed on is valid Unicode, offsets stay within the text and name its words, and output is
valid UTF-8 a terminal cannot be commanded by.

Example counts are modest so the suite stays fast; the model is the one loaded for the session.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsclaims.errors import InputError
from newsclaims.reading import ReadText, read_bytes, valid_text
from newsclaims.records import Rejected
from newsclaims.sources import SourceItem, read_stream
from newsclaims.terminal import is_printable, printable, safe_json

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text as hostile input has it: any code point (lone surrogates and controls included), often
# punctuation and the characters French news and terminals care about.
SPICE = "&«»()[]{}<>\"'’.,;:!?-–—…\n\r\t \u00a0\u202e\u200b\x1b\x9b\udfff\ufffd0123456789éèàçœ"
TEXT = st.text(alphabet=st.one_of(st.characters(blacklist_categories=()), st.sampled_from(SPICE)), max_size=400)
VALID_TEXT = st.text(alphabet=st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(SPICE[:-2])))


def _valid(text: str | None) -> bool:
    if text is None:
        return True
    text.encode("utf-8")  # raises on a lone surrogate
    return True


def _check(results: list[SourceItem | Rejected]) -> None:
    for result in results:
        if isinstance(result, Rejected):
            assert _valid(result.source) and _valid(result.reason) and _valid(result.detail)
        else:
            read = result.read
            for text in (result.source, result.title, result.url, result.ref, read.text, read.title, read.url):
                assert _valid(text)


def _read(data: bytes, name: str) -> list[SourceItem | Rejected]:
    return list(read_stream(io.BytesIO(data), name, name=name))


@FAST
@given(st.binary(max_size=2000))
def test_reading_bytes_ends_in_text_or_a_reason(data: bytes) -> None:
    try:
        read = read_bytes(data)
    except InputError as exc:
        assert exc.reason
        return
    assert _valid(read.text) and read.text.strip()


@FAST
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.rss", "a.warc", "a.gz", "a"]))
def test_any_bytes_under_any_name_are_read_or_rejected(data: bytes, name: str) -> None:
    _check(_read(data, name))


@FAST
@given(st.lists(st.one_of(TEXT, st.none(), st.integers(), st.booleans()), min_size=1, max_size=6), TEXT)
def test_jsonl_fields_of_any_value_cost_only_their_line(values: list, text: str) -> None:
    keys = ["text", "title", "url", "published", "lang", "id", "html"]
    lines = [json.dumps(dict(zip(keys, values, strict=False))), json.dumps({"text": "Un texte ordinaire."})]
    lines.insert(0, json.dumps({"text": text, "title": text}))  # ensure_ascii writes lone surrogates as escapes
    results = _read(("\n".join(lines) + "\n").encode("utf-8"), "a.jsonl")
    _check(results)
    assert any(isinstance(r, SourceItem) and r.read.text == "Un texte ordinaire." for r in results)


@FAST
@given(st.lists(TEXT, min_size=1, max_size=4), st.sampled_from(["", "&#xD800;", "&#1114112;", "&#0;", "&bogus;"]))
def test_feed_items_of_any_text_cost_only_themselves(texts: list[str], reference: str) -> None:
    from xml.sax.saxutils import escape

    def clean(text: str) -> str:
        return escape(text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))

    items = "".join(
        f"<item><title>{clean(t)}{reference}</title><description>{clean(t)}</description></item>" for t in texts
    )
    good = "<item><title>Bon</title><description>Un article ordinaire, bien formé.</description></item>"
    feed = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>{items}{good}</channel></rss>'
    results = _read(feed.encode("utf-8", "surrogatepass"), "a.rss")
    _check(results)
    assert any(isinstance(r, SourceItem) and r.read.text == "Un article ordinaire, bien formé." for r in results)


@FAST
@given(st.binary(max_size=1500))
def test_warc_records_with_any_payload_are_read_or_rejected(payload: bytes) -> None:
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.test/a b\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: "
    )
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + payload
    record = head + str(len(http) - 3).encode() + b"\r\n\r\n" + http + b"\r\n\r\n"
    _check(_read(record + record, "a.warc"))


@FAST
@given(VALID_TEXT)
def test_the_tokenizer_keeps_every_character(fr_pipeline, text: str) -> None:
    assert fr_pipeline.make_doc(text).text == text


@SLOW
@given(TEXT)
@example("x«y")  # found here: an opening mark inside a token, with no token after it
@example("Claire Martin arrive.\nx« Non. »")
def test_extract_of_any_text_keeps_offsets_inside_it(fr_pipeline, text: str) -> None:
    from newsclaims.pipeline import extract_article, make_article

    text = valid_text(text)  # what reading hands on
    if not text.strip():
        return
    record = extract_article(make_article(ReadText(text=text), lang="fr"))
    spans = [s.content for s in record.statements] + [s.cue for s in record.statements if s.cue]
    spans += [s.speaker.mention for s in record.statements if s.speaker.mention]
    for span in [*spans, *record.figures, *record.times, *record.entities]:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    out = safe_json(record.to_dict())
    out.encode("utf-8")
    assert all(is_printable(c) for c in out)
    assert json.loads(out)["text"] == text


@FAST
@given(TEXT)
def test_printable_and_safe_json_leave_nothing_a_terminal_obeys(text: str) -> None:
    shown = printable(text)
    assert all(is_printable(c) for c in shown)
    shown.encode("utf-8")
    out = safe_json({"t": text})
    assert all(is_printable(c) for c in out) and json.loads(out) == {"t": text}


@pytest.mark.parametrize("name", ["caf\udce9.txt", "\udcff\udcfe", "ok.txt"])
def test_file_names_are_stored_valid(tmp_path: Path, name: str) -> None:
    from newsclaims.sources.clean import display_name

    shown = display_name(name)
    shown.encode("utf-8")
    assert shown == name or "\\x" in shown
