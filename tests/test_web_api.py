"""The HTTP API over a store of the team's hand-made records (no spaCy): listings and their
cursors, filters, search, one article, export, the error shape, and the guards on writing."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from newsclaims.store import StoreWriter
from newsclaims.web.app import create_app
from newsclaims.web.settings import ServeSettings
from test_store import RECORDS, record_about
from web_fixtures import HOSTILE_SPEAKER, hostile_record, write_store

# Enough articles for several pages, some on the same day and some undated (cursors must handle both).
MORE = [
    record_about(
        f"Témoin {i}", "habitant", str(100 + i), 100 + i, "soldats", None if i % 5 == 0 else date(2024, 10, 1 + i % 7)
    )
    for i in range(23)
]
TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("api") / "api.duckdb", [*RECORDS, *MORE, hostile_record()])


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    with TestClient(create_app(ServeSettings(db=db, token=TOKEN, max_body=4096))) as c:
        yield c


def all_pages(client: TestClient, path: str, **params: object) -> list[dict]:
    items: list[dict] = []
    cursor = params.pop("cursor", None)
    for _ in range(100):
        answer = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("the pages never end")


@pytest.mark.parametrize("path", ["/api/articles", "/api/statements", "/api/figures", "/api/speakers", "/api/search"])
def test_pages_joined_are_the_whole_listing_in_order(client: TestClient, path: str) -> None:
    whole = client.get(path, params={"limit": 500}).json()["items"]
    paged = all_pages(client, path, limit=4)
    assert len(whole) > 8
    assert paged == whole
    key = "name" if path == "/api/speakers" else "id"
    assert len({(i.get("kind"), i[key]) for i in paged}) == len(paged)


def test_articles_are_newest_first_with_undated_last(client: TestClient) -> None:
    dates = [a["published"] for a in client.get("/api/articles", params={"limit": 500}).json()["items"]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates.index(None) > dates.index(dated[-1])


def test_filters_match_words_without_case_or_accents(client: TestClient) -> None:
    rows = client.get("/api/statements", params={"speaker": "ELISE martinez"}).json()["items"]
    assert [r["speaker_name"] for r in rows] == ["Élise Martinez"]
    rows = client.get("/api/figures", params={"counted": "refugies"}).json()["items"]
    assert [r["value"] for r in rows] == [12000]
    rows = client.get("/api/articles", params={"lang": "en"}).json()["items"]
    assert [r["id"] for r in rows] == [RECORDS[2].article.id]
    rows = client.get("/api/articles", params={"since": "2024-11-01", "until": "2024-11-05"}).json()["items"]
    assert {r["published"] for r in rows} == {"2024-11-05"}


def test_search_finds_article_text_and_statements_with_facets(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "frontiere habitants"}).json()
    kinds = {i["kind"] for i in body["items"]}
    assert kinds == {"article"}  # the words are in the texts, not in any statement
    body = client.get("/api/search", params={"q": "REFUGIES arrives"}).json()
    assert {(i["kind"], i["article_id"]) for i in body["items"]} == {
        ("article", RECORDS[1].article.id),
        ("statement", RECORDS[1].article.id),
    }
    statement = next(i for i in body["items"] if i["kind"] == "statement")
    assert statement["href"] == f"/articles/{RECORDS[1].article.id}#s0"
    assert statement["match"].lower() == "réfugiés"
    assert body["total"] == 2
    assert {f["value"]: f["count"] for f in body["facets"]["kind"]} == {"article": 1, "statement": 1}
    only = client.get("/api/search", params={"q": "refugies", "kind": "statement", "speaker": "weber"}).json()
    assert [i["speaker_name"] for i in only["items"]] == ["Jonas Weber"]


def test_a_story_filters_articles_and_has_its_series(client: TestClient) -> None:
    story = client.get("/api/story", params={"q": "soldats nord-coréens"}).json()
    assert [p["value"] for p in story["points"]] == [2000]
    rows = client.get("/api/articles", params={"story": "soldats nord-coréens"}).json()["items"]
    assert [r["id"] for r in rows] == [hostile_record().article.id]


def test_stories_entities_and_claims(client: TestClient) -> None:
    stories = all_pages(client, "/api/stories", limit=3)
    placed = [a["id"] for s in stories for a in s["articles"]]
    assert len(placed) == len(set(placed)) == len(RECORDS) + len(MORE) + 1  # every article in one story
    story = max(stories, key=lambda s: s["n_articles"])
    detail = client.get(f"/api/stories/{story['id']}").json()
    assert [a["id"] for a in detail["articles"]] == [a["id"] for a in story["articles"]]
    assert {p["article_id"] for p in detail["figures"]["points"]} <= {a["id"] for a in story["articles"]}
    only = all_pages(client, "/api/articles", story_id=story["id"], limit=5)
    assert sorted(a["id"] for a in only) == sorted(a["id"] for a in story["articles"])
    hits = client.get("/api/search", params={"q": "soldats", "story_id": story["id"], "limit": 500}).json()
    assert {h["story_id"] for h in hits["items"]} == {story["id"]}
    assert hits["facets"]["story_id"][0]["label"] == story["label"]
    weber = client.get("/api/entities", params={"q": "Weber"}).json()["items"]
    assert [e["name"] for e in weber] == ["Jonas Weber"] and weber[0]["kind"] == "person"
    entity = client.get(f"/api/entities/{weber[0]['id']}").json()
    assert entity["statements"] == 1 and "Jonas Weber" in entity["names"] and entity["stories"]
    said = client.get("/api/search", params={"q": "refugies", "entity": "Jonas Weber"}).json()
    assert [h["speaker_name"] for h in said["items"]] == ["Jonas Weber"]
    claims = all_pages(client, "/api/claims", story_id=story["id"], limit=2)
    assert claims and all(c["first"]["statement_id"] == c["id"] for c in claims)
    last_report = claims[0]["reports"][-1]["statement_id"]
    assert client.get(f"/api/claims/{last_report}").json()["id"] == claims[0]["id"]
    for path in ("/stories", f"/stories/{story['id']}", "/entities", f"/entities/{weber[0]['id']}"):
        assert client.get(path).status_code == 200, path
    assert client.get(f"/claims/{claims[0]['id']}").status_code == 200


def test_one_article_with_its_claims_and_item_ids(client: TestClient) -> None:
    record = RECORDS[0]
    body = client.get(f"/api/articles/{record.article.id[:8]}").json()
    assert body["text"] == record.article.text
    assert body["statements"][0]["id"] == f"{record.article.id}:0"
    assert body["figures"][0]["statement_id"] == f"{record.article.id}:0"
    figure = body["figures"][0]
    assert body["text"][figure["start"] : figure["end"]] == figure["text"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/articles/0000000000", 404),
        ("/api/articles/not-hex", 400),
        ("/api/nothing-here", 404),
        ("/api/articles?limit=0", 422),
        ("/api/articles?since=yesterday", 422),
        ("/api/statements?lang=de", 422),
        ("/api/articles?cursor=bm90IGEgY3Vyc29y", 400),
        ("/api/export/secrets?format=csv", 422),
        ("/api/story", 422),
        ("/api/stories/s-none", 404),
        ("/api/entities/none", 404),
        ("/api/claims/00ff:3", 404),
        ("/api/claims/not-a-claim", 400),
        ("/api/claims?cursor=bm90IGEgY3Vyc29y", 400),
        ("/api/entities?kind=planet", 422),
    ],
)
def test_every_error_has_one_shape(client: TestClient, path: str, status: int) -> None:
    answer = client.get(path)
    assert answer.status_code == status
    error = answer.json()["error"]
    assert error["status"] == status and error["code"] and error["message"]
    if status == 422:
        assert error["details"][0]["where"]


def test_a_browser_gets_an_error_page_with_the_same_message(client: TestClient) -> None:
    answer = client.get("/articles/0000000000", headers={"accept": "text/html"})
    assert answer.status_code == 404
    assert "text/html" in answer.headers["content-type"] and "no article" in answer.text


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_gives_the_whole_table(client: TestClient, fmt: str) -> None:
    answer = client.get("/api/export/statements", params={"format": fmt})
    assert answer.status_code == 200
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(answer.text)))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in answer.text.splitlines()]
    else:
        rows = pq.read_table(io.BytesIO(answer.content)).to_pylist()
    assert len(rows) == len(RECORDS) + len(MORE) + 1
    assert HOSTILE_SPEAKER in {r["speaker_name"] for r in rows}


def test_headers_forbid_inline_scripts_and_sniffing_and_send_no_cors(client: TestClient) -> None:
    for path in ("/", "/api/articles", f"/articles/{hostile_record().article.id}"):
        answer = client.get(path, headers={"origin": "https://elsewhere.example"})
        assert "default-src 'self'" in answer.headers["content-security-policy"]
        assert "unsafe-inline" not in answer.headers["content-security-policy"]
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert not any(h.lower().startswith("access-control-") for h in answer.headers)


def test_writes_need_the_token(client: TestClient) -> None:
    body = {"text": "Un texte court."}
    answer = client.post("/api/articles", json=body)
    assert answer.status_code == 401 and answer.headers["www-authenticate"] == "Bearer"
    answer = client.post("/api/articles", json=body, headers={"authorization": "Bearer wrong"})
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "unauthorized"


def test_writes_are_off_without_a_token(db: Path) -> None:
    with TestClient(create_app(ServeSettings(db=db))) as c:
        answer = c.post("/api/articles", json={"text": "x"}, headers={"authorization": "Bearer anything"})
    assert answer.status_code == 403
    assert "writes are off" in answer.json()["error"]["message"]


def test_a_body_over_the_limit_is_refused_whether_announced_or_streamed(client: TestClient) -> None:
    big = {"text": "mot " * 5000}
    answer = client.post("/api/articles", json=big, headers={"authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "too_large"

    def chunks():  # no Content-Length: the limit must hold on the bytes read
        for _ in range(10):
            yield b"x" * 1000

    answer = client.post("/api/articles", content=chunks(), headers={"authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 413


def test_a_post_with_neither_or_both_texts_is_invalid(client: TestClient) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    assert client.post("/api/articles", json={"title": "t"}, headers=auth).status_code == 422
    assert client.post("/api/articles", json={"text": "a", "html": "<p>b</p>"}, headers=auth).status_code == 422
    assert client.post("/api/articles", json={"text": "a", "extra": 1}, headers=auth).status_code == 422
    assert client.post("/api/articles", content=b"{not json", headers=auth).status_code == 422


@pytest.mark.slow
def test_a_posted_article_is_extracted_stored_and_listed(tmp_path: Path) -> None:
    db = write_store(tmp_path / "w.duckdb", [RECORDS[0]])
    text = (
        "Le ministre Paul Durand a déclaré mardi que 1 200 soldats avaient été déployés près de la frontière.\n\n"
        "« Nous restons vigilants », a-t-il ajouté."
    )
    auth = {"authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(ServeSettings(db=db, token=TOKEN))) as c:
        answer = c.post(
            "/api/articles", json={"text": text, "title": "Déploiement", "published": "2024-11-12"}, headers=auth
        )
        assert answer.status_code == 201, answer.text
        body = answer.json()
        assert body["created"] is True and body["title"] == "Déploiement" and body["published"] == "2024-11-12"
        assert any(f["value"] == 1200 for f in body["figures"])
        assert any("Durand" in s["speaker"]["name"] for s in body["statements"])
        listed = c.get("/api/articles").json()["items"]
        assert body["id"] in {a["id"] for a in listed}
        again = c.post("/api/articles", json={"text": text}, headers=auth).json()
        assert again["created"] is False and again["id"] == body["id"]


def test_pages_neither_repeat_nor_skip_rows_when_articles_arrive_meanwhile(tmp_path: Path) -> None:
    db = write_store(tmp_path / "p.duckdb", MORE[:12])
    with TestClient(create_app(ServeSettings(db=db))) as c:
        first = c.get("/api/statements", params={"limit": 5}).json()
        # An ingest commits a statement that sorts before the cursor, and one after it.
        early = record_about("Arrivée Tôt", "témoin", "1", 1, "soldats", date(2024, 9, 1))
        late = record_about("Arrivée Tard", "témoin", "2", 2, "soldats", date(2024, 12, 1))

        def add(writer: StoreWriter) -> None:
            writer.add(early)
            writer.add(late)
            writer.commit()

        c.app.state.access.write(add)
        rest = all_pages(c, "/api/statements", limit=5, cursor=first["next_cursor"])
    seen = [s["speaker_name"] for s in first["items"] + rest]
    assert len(seen) == len(set(seen)) == 13
    assert "Arrivée Tard" in seen and "Arrivée Tôt" not in seen


def test_a_long_story_page_lists_its_marked_reports_first(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclaims.web import pages

    whole = client.get("/api/story", params={"q": "soldats"}).json()
    assert len(whole["points"]) > 6
    monkeypatch.setattr(pages, "REPORTS_SHOWN", 5)
    html = client.get("/story", params={"q": "soldats"}).text
    assert f"5 of {len(whole['points'])} reports" in html
    table = html[html.index('<table class="story">') : html.index("</table>")]
    assert table.count("<tr") == 1 + 5  # the header and five reports
    assert table.count('class="first"') == 5  # first reports before the others
