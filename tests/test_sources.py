"""Reading corpora: every input format becomes SourceItems or Rejected, and bad input never stops a batch."""

from __future__ import annotations

import gzip
import io
import json
import re
import time
import zlib
from datetime import date
from pathlib import Path

import pytest

from conftest import shared_path
from newsclaims.reading import MAX_BYTES, decode, fragment_to_text, read_bytes
from newsclaims.records import Rejected
from newsclaims.sources import SourceItem, iter_inputs
from newsclaims.sources.streams import detect_format

# Texts written for these tests.
ARTICLE_FR = (
    "Le conseil municipal de Brest a voté mardi soir un budget de 48 millions d'euros.\n\n"
    "« Nous avons tenu nos engagements », a déclaré la maire, Hélène Kervella, à l'issue de la séance. "
    "L'opposition estime au contraire que près de 300 emplois sont menacés.\n"
)
ARTICLE_EN = "The harbour authority said on Friday that about 1,200 containers had been delayed by the storm.\n"
PAGE_FR = f"""<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="utf-8"><title>Brest vote son budget</title></head>
<body><nav><a href="/">Accueil</a> | <a href="/politique">Politique</a></nav>
<article><h1>Brest vote son budget</h1>
<p>12 mars 2024. - {ARTICLE_FR.splitlines()[0]}</p>
<p>{ARTICLE_FR.splitlines()[2]}</p>
</article><footer>Tous droits réservés</footer></body></html>
"""


def items(results: list[SourceItem | Rejected]) -> list[SourceItem]:
    return [r for r in results if isinstance(r, SourceItem)]


def rejected(results: list[SourceItem | Rejected]) -> list[Rejected]:
    return [r for r in results if isinstance(r, Rejected)]


def read_all(*paths: Path | str, stdin: io.BytesIO | None = None) -> list[SourceItem | Rejected]:
    return list(iter_inputs([str(p) for p in paths], stdin=stdin))


def one(results: list[SourceItem | Rejected]) -> SourceItem | Rejected:
    assert len(results) == 1, results
    return results[0]


# --- single documents -------------------------------------------------------------------------


def test_plain_text_file(tmp_path: Path) -> None:
    (tmp_path / "brest.txt").write_text(ARTICLE_FR, encoding="utf-8")
    item = one(read_all(tmp_path / "brest.txt"))
    assert isinstance(item, SourceItem)
    assert item.source == str(tmp_path / "brest.txt")
    assert item.read.text == ARTICLE_FR  # exactly as read: offsets will index this
    assert not item.read.is_html


def test_html_file_keeps_lead_paragraph_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "brest.html").write_text(PAGE_FR, encoding="utf-8")
    item = one(read_all(tmp_path / "brest.html"))
    assert isinstance(item, SourceItem)
    assert item.read.is_html
    assert item.read.text.startswith("12 mars 2024. - Le conseil municipal")
    assert "Hélène Kervella" in item.read.text
    assert "Accueil" not in item.read.text and "droits réservés" not in item.read.text
    assert item.title == item.read.title == "Brest vote son budget"
    assert item.lang == "fr"


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    (tmp_path / "page").write_text(PAGE_FR, encoding="utf-8")
    item = one(read_all(tmp_path / "page"))
    assert isinstance(item, SourceItem) and item.read.is_html


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (tmp_path / "noise.txt").write_bytes(bytes(range(32)) * 200)
    results = read_all(tmp_path / "photo.jpg", tmp_path / "noise.txt")
    assert [r.reason for r in rejected(results)] == ["binary", "binary"]
    assert "PNG" in (results[0].detail or "")


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b"  \n\t\n")
    results = read_all(tmp_path / "empty.txt", tmp_path / "blank.html")
    assert [(r.source, r.reason) for r in rejected(results)] == [
        (str(tmp_path / "empty.txt"), "empty"),
        (str(tmp_path / "blank.html"), "empty"),
    ]


def test_malformed_html(tmp_path: Path) -> None:
    broken = (
        "<html><head><title>Crue de la Loire</title></head><body><div><p>La préfecture a annoncé jeudi que "
        "<b>la crue de la Loire <i>atteindrait son pic samedi</b></i>, selon les services de l'État."
        "<p>Quelque 2 000 habitants ont été évacués par précaution</span></td> dans trois communes.</div>"
    )
    (tmp_path / "crue.html").write_text(broken, encoding="utf-8")
    (tmp_path / "menu.html").write_text(
        "<html><head><style>p {}</style></head><body><script>var x = 1;</script><div> </div></body></html>",
        encoding="utf-8",
    )
    crue, menu = read_all(tmp_path / "crue.html", tmp_path / "menu.html")
    assert isinstance(crue, SourceItem)
    assert "atteindrait son pic samedi" in crue.read.text
    assert "2 000 habitants" in crue.read.text
    assert isinstance(menu, Rejected) and menu.reason == "html"


def test_fifty_megabyte_file_is_refused_quickly(tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    line = "Le ministère a publié un nouveau rapport sur les finances locales. " * 20 + "\n"
    with big.open("w", encoding="utf-8") as fh:
        for _ in range(50 * 1024 * 1024 // len(line.encode()) + 1):
            fh.write(line)
    assert big.stat().st_size > 50 * 1024 * 1024
    start = time.perf_counter()
    result = one(read_all(big))
    assert time.perf_counter() - start < 1.0  # refused from its size, never read
    assert isinstance(result, Rejected) and result.reason == "too-large"


def test_oversized_stdin_is_refused_without_reading_it_all() -> None:
    data = b"Un texte beaucoup trop long pour un seul article. " * (MAX_BYTES // 50 + 1000)
    stream = io.BytesIO(data)
    result = one(list(iter_inputs(["-"], stdin=stream)))
    assert isinstance(result, Rejected) and (result.source, result.reason) == ("-", "too-large")
    assert stream.tell() <= MAX_BYTES + 65536 + 1  # stopped just past the limit


def test_cp1252_french_is_decoded(tmp_path: Path) -> None:
    text = "Le préfet a annoncé à l'été « une hausse de 12 % » ; ça coûtera 3 000 € par élève."
    (tmp_path / "ancien.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "latin1.txt").write_bytes("Noël à Genève : déjà complet.".encode("latin-1"))
    first, second = items(read_all(tmp_path / "ancien.txt", tmp_path / "latin1.txt"))
    assert first.read.text == text
    assert second.read.text == "Noël à Genève : déjà complet."


def test_undecodable_text_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "garbage.txt").write_bytes(bytes([0xC3, 0x28]) * 500)
    result = one(read_all(tmp_path / "garbage.txt"))
    assert isinstance(result, Rejected) and result.reason == "encoding"


def test_gzip_single_file(tmp_path: Path) -> None:
    (tmp_path / "brest.txt.gz").write_bytes(gzip.compress(ARTICLE_FR.encode()))
    (tmp_path / "brest.html.gz").write_bytes(gzip.compress(PAGE_FR.encode()))
    text, page = items(read_all(tmp_path / "brest.txt.gz", tmp_path / "brest.html.gz"))
    assert text.read.text == ARTICLE_FR
    assert page.read.is_html and page.read.text.startswith("12 mars 2024.")


def test_truncated_gzip(tmp_path: Path) -> None:
    whole = gzip.compress((ARTICLE_FR * 50).encode())
    (tmp_path / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "junk.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"not deflate data at all" * 10)
    cut, junk = read_all(tmp_path / "cut.txt.gz", tmp_path / "junk.gz")
    assert isinstance(cut, Rejected) and cut.reason == "gzip" and "truncated" in (cut.detail or "")
    assert isinstance(junk, Rejected) and junk.reason == "gzip"


def test_gzip_bomb_is_bounded(tmp_path: Path) -> None:
    # 30 MB of text compresses to almost nothing: the limit applies to what it expands to.
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * (30 * 1024 * 1024), compresslevel=1))
    result = one(read_all(tmp_path / "bomb.txt.gz"))
    assert isinstance(result, Rejected) and result.reason == "too-large"


# --- JSONL -------------------------------------------------------------------------------------


def test_jsonl_with_one_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE_FR, "title": "Budget", "published": "2024-03-12", "lang": "fr-FR"}),
        '{"text": "une ligne coupée',
        "",
        json.dumps(
            {"html": "<p>The harbour <b>authority</b> said so.</p><p>Second part.</p>", "url": "http://x.test/2"}
        ),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": ARTICLE_EN, "date": "2024-03-15T23:30:00-05:00", "title": 42}),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = read_all(path)
    got = items(results)
    assert [i.source for i in got] == [f"{path}#L1", f"{path}#L4", f"{path}#L6"]
    first, second, third = got
    assert first.read.text == ARTICLE_FR
    assert (first.title, first.read.title, first.lang, first.published, first.ref) == (
        "Budget",
        "Budget",
        "fr",
        date(2024, 3, 12),
        "a1",
    )
    assert second.read.text == "The harbour authority said so.\nSecond part."
    assert second.url == second.read.url == "http://x.test/2"
    assert third.published == date(2024, 3, 15)  # the date where it was written, not UTC
    assert third.title is None  # a title of the wrong type is dropped, the article kept
    assert [(r.source, r.reason) for r in rejected(results)] == [
        (f"{path}#L2", "json"),
        (f"{path}#L5", "json"),
        (f"{path}#L7", "json"),
        (f"{path}#L8", "empty"),
    ]


def test_jsonl_sniffed_and_gzipped(tmp_path: Path) -> None:
    body = "\n".join(json.dumps({"text": t}) for t in (ARTICLE_FR, ARTICLE_EN)).encode()
    (tmp_path / "export").write_bytes(body)
    (tmp_path / "export.ndjson.gz").write_bytes(gzip.compress(body))
    results = read_all(tmp_path / "export", tmp_path / "export.ndjson.gz")
    assert [i.read.text for i in items(results)] == [ARTICLE_FR, ARTICLE_EN] * 2


def test_jsonl_truncated_gzip_keeps_lines_before_the_break(tmp_path: Path) -> None:
    body = "".join(json.dumps({"text": f"Article {n} : {ARTICLE_FR}"}) + "\n" for n in range(400)).encode()
    whole = gzip.compress(body)
    (tmp_path / "dump.jsonl.gz").write_bytes(whole[: len(whole) * 3 // 4])
    results = read_all(tmp_path / "dump.jsonl.gz")
    assert len(items(results)) > 100
    broken = rejected(results)
    assert len(broken) == 1 and broken[0].reason == "gzip"
    assert broken[0].source.startswith(f"{tmp_path / 'dump.jsonl.gz'}#L")


def test_jsonl_oversized_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("wb") as fh:
        fh.write(json.dumps({"text": "x" * (MAX_BYTES + 10)}).encode() + b"\n")
        fh.write(json.dumps({"text": ARTICLE_EN}).encode() + b"\n")
    big, small = read_all(path)
    assert isinstance(big, Rejected) and (big.source, big.reason) == (f"{path}#L1", "too-large")
    assert isinstance(small, SourceItem) and small.read.text == ARTICLE_EN


def test_pretty_printed_json_is_one_rejection(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": ARTICLE_FR}, indent=2), encoding="utf-8")
    result = one(read_all(tmp_path / "one.json"))
    assert isinstance(result, Rejected) and result.reason == "json"


# --- feeds -------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>La Gazette du Port</title><language>fr-fr</language>
<item><title>Le port &amp; la tempête</title><link>http://gazette.test/tempete</link><guid>tempete-1</guid>
<pubDate>Fri, 01 Nov 2024 00:30:00 +0100</pubDate><description>Résumé bref.</description>
<content:encoded><![CDATA[<p>La capitainerie a indiqué que <b>1 200 conteneurs</b> attendaient.</p>
<p>« La situation redevient normale », a affirmé son directeur.</p>]]></content:encoded></item>
<item><title>Un titre seul, sans aucun contenu</title><link>http://gazette.test/vide</link></item>
<item><title>Les pêcheurs inquiets</title><link>http://gazette.test/peche</link>
<pubDate>date inconnue</pubDate>
<description>Les pêcheurs &lt;i&gt;redoutent&lt;/i&gt; une saison difficile, selon leur syndicat.</description></item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<title>Harbour News</title><id>urn:harbour</id><updated>2024-03-15T10:00:00Z</updated>
<entry><title>Storm delays shipping</title><id>urn:harbour:1</id><link href="http://harbour.test/storm"/>
<published>2024-03-15T09:00:00+00:00</published>
<content type="html">&lt;p&gt;The harbour authority said about 1,200 containers were delayed.&lt;/p&gt;</content>
</entry>
</feed>
"""


def test_rss_feed_with_a_broken_item(tmp_path: Path) -> None:
    path = tmp_path / "gazette.rss"
    path.write_text(RSS, encoding="utf-8")
    results = read_all(path)
    assert [r.source for r in results] == [f"{path}#item1", f"{path}#item2", f"{path}#item3"]
    first, broken, third = results
    assert isinstance(first, SourceItem) and isinstance(third, SourceItem)
    assert first.read.text == (
        "La capitainerie a indiqué que 1 200 conteneurs attendaient.\n"
        "« La situation redevient normale », a affirmé son directeur."
    )  # content:encoded preferred to the short description
    assert (first.title, first.url, first.ref, first.lang) == (
        "Le port & la tempête",
        "http://gazette.test/tempete",
        "tempete-1",
        "fr",
    )
    assert first.read.title == first.title and first.read.url == first.url
    assert first.published == date(2024, 11, 1)  # local date of the item, though UTC says Oct 31
    assert isinstance(broken, Rejected) and broken.reason == "empty"
    assert third.read.text == "Les pêcheurs redoutent une saison difficile, selon leur syndicat."
    assert third.published is None


def test_atom_feed_sniffed_from_xml(tmp_path: Path) -> None:
    (tmp_path / "harbour.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "harbour-feed").write_text(ATOM, encoding="utf-8")
    results = read_all(tmp_path / "harbour.xml", tmp_path / "harbour-feed")
    assert len(items(results)) == 2
    entry = items(results)[0]
    assert entry.read.text == "The harbour authority said about 1,200 containers were delayed."
    assert (entry.published, entry.url, entry.lang) == (date(2024, 3, 15), "http://harbour.test/storm", "en")


def test_feed_without_items_and_broken_xml(tmp_path: Path) -> None:
    (tmp_path / "empty.rss").write_text('<?xml version="1.0"?><rss><channel><title>Rien</title></channel></rss>')
    (tmp_path / "notes.xml").write_text("<?xml version='1.0'?><notes><note>pas un flux</note></notes>")
    results = read_all(tmp_path / "empty.rss", tmp_path / "notes.xml")
    assert [r.reason for r in rejected(results)] == ["feed", "feed"]


def test_malformed_feed_still_yields_its_items(tmp_path: Path) -> None:
    # An unescaped "&" makes the XML ill-formed; the loose parser still finds both items.
    broken = RSS.replace("<title>Les pêcheurs inquiets</title>", "<title>Pêcheurs & marins</title>")
    (tmp_path / "broken.rss").write_text(broken, encoding="utf-8")
    results = read_all(tmp_path / "broken.rss")
    assert len(items(results)) == 2 and [r.reason for r in rejected(results)] == ["empty"]


# --- WARC --------------------------------------------------------------------------------------


def build_warc(gzipped: bool, pages: int = 2) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for n in range(pages):
        url = f"http://journal.test/article-{n}"
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "journal.test")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        html = PAGE_FR.replace("Brest vote son budget", f"Brest vote son budget ({n})").encode("cp1252")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1252")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        payload = io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(300))
        writer.write_record(writer.create_warc_record(url + ".png", "response", payload=payload, http_headers=image))
    moved = StatusAndHeaders("301 Moved", [("Location", "http://journal.test/")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("http://journal.test/old", "response", http_headers=moved))
    return out.getvalue()


@pytest.mark.parametrize("name,gzipped", [("crawl.warc", False), ("crawl.warc.gz", True), ("crawl.bin", True)])
def test_warc_response_records(tmp_path: Path, name: str, gzipped: bool) -> None:
    path = tmp_path / name
    path.write_bytes(build_warc(gzipped))
    results = read_all(path)
    assert not rejected(results)
    assert [i.url for i in results] == ["http://journal.test/article-0", "http://journal.test/article-1"]
    first = items(results)[0]
    # warcinfo is record 1, then request, response, image for each page.
    assert first.source == f"{path}#rec3"
    assert first.read.text.startswith("12 mars 2024. - Le conseil municipal")
    assert "Hélène Kervella" in first.read.text  # decoded with the charset the HTTP header gave
    assert (first.title, first.lang, first.published) == ("Brest vote son budget (0)", "fr", None)
    assert first.ref and first.ref.startswith("<urn:uuid:")


def test_warc_gzipped_as_one_member(tmp_path: Path) -> None:
    # "gzip crawl.warc" makes one member for the whole file; warcio alone refuses it after one record.
    (tmp_path / "whole.warc.gz").write_bytes(gzip.compress(build_warc(gzipped=False, pages=3)))
    results = read_all(tmp_path / "whole.warc.gz")
    assert not rejected(results) and len(results) == 3


def record_spans(data: bytes, gzipped: bool) -> list[tuple[int, int]]:
    """(start, end) of each record in a WARC file: gzip members, or from one "WARC/1.0" line to the next."""
    if not gzipped:
        starts = [m.start() for m in re.finditer(rb"WARC/1\.\d\r\n", data)]
        return list(zip(starts, [*starts[1:], len(data)], strict=True))
    spans, pos = [], 0
    while pos < len(data):
        member = zlib.decompressobj(wbits=31)
        member.decompress(data[pos:])
        end = len(data) - len(member.unused_data)
        spans.append((pos, end))
        pos = end
    return spans


@pytest.mark.parametrize("gzipped", [True, False])
def test_truncated_warc_keeps_records_before_the_break(tmp_path: Path, gzipped: bool) -> None:
    whole = build_warc(gzipped=gzipped, pages=4)
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    path.write_bytes(whole)
    complete = [r.source for r in read_all(path)]
    assert len(complete) == 4
    # Cut each record in its middle: in WARC headers, HTTP headers or bodies, in a gzip member.
    for start, end in record_spans(whole, gzipped)[1:]:
        path.write_bytes(whole[: (start + end) // 2])
        results = read_all(path)
        got = [r.source for r in items(results)]
        assert got == complete[: len(got)], start
        broken = rejected(results)
        assert len(broken) == 1 and broken[0].reason in {"warc", "gzip"}, (start, broken)
        assert results[-1] is broken[0] and broken[0].source.startswith(f"{path}#rec")


def test_not_a_warc_and_a_warc_without_pages(tmp_path: Path) -> None:
    from warcio.warcwriter import WARCWriter

    (tmp_path / "fake.warc").write_text("Ceci n'est pas une archive.", encoding="utf-8")
    with (tmp_path / "info.warc.gz").open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record("info.warc.gz", {"software": "tests"}))
    results = read_all(tmp_path / "fake.warc", tmp_path / "info.warc.gz")
    assert [(Path(r.source).name, r.reason) for r in rejected(results)] == [
        ("fake.warc", "warc"),
        ("info.warc.gz", "warc"),
    ]


# --- naming inputs -------------------------------------------------------------------------------


def test_folders_recurse_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ("b/deep/z.txt", "b/y.txt", "a/x.txt", "top.txt", ".git/config", ".hidden.txt"):
        (tmp_path / rel).write_text(f"{ARTICLE_EN} ({rel})", encoding="utf-8")
    results = read_all(tmp_path)
    assert [Path(r.source).relative_to(tmp_path).as_posix() for r in results] == [
        "top.txt",
        "a/x.txt",
        "b/y.txt",
        "b/deep/z.txt",
    ]


def test_globs_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for rel in ("one.txt", "two.txt", "skip.html", "sub/three.txt"):
        (tmp_path / rel).write_text(ARTICLE_EN, encoding="utf-8")
    results = read_all(tmp_path / "*.txt", tmp_path / "**" / "three.txt", tmp_path / "*.nothing", tmp_path / "gone")
    assert [Path(r.source).name for r in items(results)] == ["one.txt", "two.txt", "three.txt"]
    assert [(Path(r.source).name, r.reason) for r in rejected(results)] == [
        ("*.nothing", "not-found"),
        ("gone", "not-found"),
    ]


def test_stdin(tmp_path: Path) -> None:
    result = one(list(iter_inputs(["-"], stdin=io.BytesIO(ARTICLE_FR.encode()))))
    assert isinstance(result, SourceItem) and (result.source, result.read.text) == ("-", ARTICLE_FR)
    jsonl = "\n".join(json.dumps({"text": t}) for t in (ARTICLE_FR, ARTICLE_EN)).encode()
    results = list(iter_inputs(["-"], stdin=io.BytesIO(gzip.compress(jsonl))))
    assert [r.source for r in results] == ["-#L1", "-#L2"]


def test_one_bad_input_never_stops_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "b.txt").write_text(ARTICLE_FR, encoding="utf-8")
    results = read_all(tmp_path / "a.txt", tmp_path / "missing.txt", tmp_path / "b.txt")
    assert [type(r).__name__ for r in results] == ["Rejected", "Rejected", "SourceItem"]


def test_a_single_string_is_a_usage_error() -> None:
    with pytest.raises(TypeError):
        iter_inputs("article.txt")  # type: ignore[arg-type]


# --- decoding and detection details --------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_byte_order_marks(encoding: str) -> None:
    text, _ = decode(ARTICLE_FR.encode(encoding))
    assert text == ARTICLE_FR


def test_utf8_with_a_stray_legacy_byte_is_repaired() -> None:
    data = "Le député a réagi. ".encode() + "Café".encode("cp1252") + " fermé.".encode()
    text, encoding = decode(data)
    assert text == "Le député a réagi. Café fermé." and encoding == "utf-8+cp1252"


def test_html_meta_charset_is_honoured() -> None:
    page = PAGE_FR.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').encode("cp1252")
    read = read_bytes(page)
    assert "Hélène Kervella" in read.text and read.encoding == "cp1252"


def test_fragment_to_text_keeps_blocks_and_no_break_spaces() -> None:
    fragment = "<p>Il a dit\u00a0: <!-- note --><q>oui</q></p>suite<br>fin<script>x()</script><ul><li>un</li></ul>"
    assert fragment_to_text(fragment) == "Il a dit\u00a0: oui\nsuite\nfin\nun"


@pytest.mark.parametrize(
    "name,head,expected",
    [
        ("a.warc", b"WARC/1.1\r\n", "warc"),
        ("x.txt", b"WARC/1.0\r\n", "warc"),
        ("a.ndjson", b'{"text": "x"}', "jsonl"),
        ("a", b'  {"text": "x"}', "jsonl"),
        ("a", b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">', "feed"),
        ("a", b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        ("page.xml", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        ("a", b"<!-- saved --><!DOCTYPE html><html>", "html"),
        ("notes.txt", b"<p>un paragraphe</p>", "text"),
        ("a", b"Juste du texte.", "text"),
    ],
)
def test_detect_format(name: str, head: bytes, expected: str) -> None:
    assert detect_format(name, head) == expected


# --- the shared corpus -------------------------------------------------------------------------


def test_wikinews_html_corpus() -> None:
    folder = shared_path("corpus", "wikinews-fr-2012", "html")
    results = list(iter_inputs([str(folder)]))
    assert not rejected(results)
    got = items(results)
    assert len(got) == 100
    assert all(i.read.text.strip() and i.read.is_html and i.title for i in got)
    # The title travels apart: no text repeats it as its first line (trafilatura keeps the <h1> on some pages).
    assert not [i.source for i in got if i.read.text.split("\n", 1)[0] == i.title]
    # The dateline ("9 novembre 2012. -") opens the lead paragraph: it must survive extraction, near
    # the top, for the publication date to be found. One article of the hundred has none.
    dateline = re.compile(r"^\d{1,2}(?:er)? \w+ 20\d\d(?:, [^.\n]+)?\. -", re.M)
    with_dateline = [i for i in got if dateline.search(i.read.text[:1000])]
    assert len(with_dateline) >= 99
    for item in with_dateline:
        lead = dateline.search(item.read.text)
        assert lead is not None and item.read.text.count("\n", 0, lead.start()) <= 2
