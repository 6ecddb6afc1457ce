"""Stories in the store: linked as articles are stored, listed and read by the commands, linked later
when stored without (ingest --no-link, an older store), and through a server that holds the store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclaims.cli import cli, main
from newsclaims.ingest import ingest_items
from newsclaims.store import open_store, table_counts
from newsclaims.store.stories import unlinked_count
from newsclaims.web.server import background_server
from newsclaims.web.settings import ServeSettings
from test_store import record_about
from test_web_handoff import quick_extract, team_items
from web_fixtures import write_store

# Two stories: a minister's soldiers, said again and again in October, and a mayor's refugees in May.
SOLDIERS = [
    record_about("Élise Martinez", "ministre de la Défense", f"{n} 000", n * 1000, "soldats", date(2024, 10, n))
    for n in (2, 3, 4)
]
REFUGEES = [record_about("Amal Haddad", "maire", f"{n}00", n * 100, "réfugiés", date(2024, 5, n)) for n in (10, 11)]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return write_store(tmp_path / "s.duckdb", [*SOLDIERS, *REFUGEES])


def test_stored_articles_are_grouped_and_listed(db: Path) -> None:
    code, out = run("stories", "--db", str(db), "--format", "json")
    assert code == 0, out
    stories = json.loads(out)
    assert sorted(s["n_articles"] for s in stories) == [2, 3]
    first = stories[0]  # the most recent first
    assert set(first) >= {"id", "label", "first_date", "last_date", "languages", "articles"}
    assert set(first["articles"][0]) == {"id", "title", "url", "source", "published", "lang"}
    assert first["first_date"] == "2024-10-02" and first["languages"] == ["fr"]
    code, out = run("stories", "--db", str(db))
    assert code == 0 and first["id"] in out
    con = open_store(db, read_only=True)
    assert table_counts(con)["canonical_entities"] >= 2  # the two speakers, at least
    con.close()


def test_claims_of_a_story_and_its_series(db: Path) -> None:
    stories = json.loads(run("stories", "--db", str(db), "--format", "json")[1])
    soldiers = next(s for s in stories if s["n_articles"] == 3)
    code, out = run("claims", "--story", soldiers["id"], "--db", str(db), "--format", "json")
    assert code == 0, out
    claims = json.loads(out)
    assert {c["source"] for c in claims} == {"Élise Martinez"}
    assert all(c["first"]["statement_id"] == c["id"] for c in claims)
    code, out = run("claims", "--speaker", "Haddad", "--db", str(db), "--format", "json")
    assert {c["source"] for c in json.loads(out)} == {"Amal Haddad"}
    code, out = run("story", "--story", soldiers["id"], "--db", str(db), "--format", "json")
    series = json.loads(out)["series"][0]
    assert series["concept"] == "soldiers" and [p["value"] for p in series["points"]] == [2000, 3000, 4000]
    assert [(r["from"], r["to"]) for r in series["revisions"]] == [(2000, 3000), (3000, 4000)]
    assert main(["claims", "--story", "s-nope", "--db", str(db)]) == 3


def test_articles_stored_unlinked_are_linked_later_and_a_rebuild_gives_the_same_stories(tmp_path: Path) -> None:
    db = tmp_path / "u.duckdb"
    stats = ingest_items(team_items(5), db, workers=0, extract=quick_extract, link=False)
    assert stats.stored == 5
    con = open_store(db, read_only=True)
    assert unlinked_count(con) == 5
    con.close()
    code, out = run("link", "--db", str(db))
    assert code == 0 and out.startswith("5 articles linked"), out
    before = json.loads(run("stories", "--db", str(db), "--format", "json")[1])
    code, out = run("link", "--db", str(db), "--rebuild")
    assert code == 0 and out.startswith("5 articles linked"), out
    assert json.loads(run("stories", "--db", str(db), "--format", "json")[1]) == before


def test_link_goes_through_the_server_that_holds_the_store(tmp_path: Path) -> None:
    db = tmp_path / "h.duckdb"
    ingest_items(team_items(3), db, workers=0, extract=quick_extract, link=False)
    with background_server(ServeSettings(db=db)):
        code, out = run("link", "--db", str(db))
        assert code == 0 and out.startswith("3 articles linked"), out
        assert main(["link", "--db", str(db), "--rebuild"]) == 2  # not while a server holds it
    con = open_store(db, read_only=True)
    assert unlinked_count(con) == 0
    con.close()


def test_a_bad_entities_file_is_one_error_line_before_any_work(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("canonical\tkind\tnames\tseats\nAcme\tcorporation\tAcme\t\n", encoding="utf-8")
    assert main(["ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--entities", str(bad)]) == 2
    assert not (tmp_path / "x.duckdb").exists()
