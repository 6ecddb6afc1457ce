"""`serve --db DIR`: a Parquet dataset (what `ingest --engine spark` or `export --format parquet`
writes) served in place, read-only, with the same answers as the store it came from."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsclaims.cli import main
from newsclaims.errors import EXIT_USAGE
from newsclaims.store import open_store
from newsclaims.store.export import export_tables
from newsclaims.store.schema import LINK_TABLES
from newsclaims.store.servefile import serve_file
from newsclaims.web.app import create_app
from newsclaims.web.server import background_server
from newsclaims.web.settings import ServeSettings
from test_store import RECORDS
from web_fixtures import write_store

LISTINGS = ["/api/articles", "/api/statements", "/api/figures", "/api/speakers", "/api/stories", "/api/entities"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("dataset") / "store.duckdb", RECORDS)


def _dataset(store: Path, out: Path, with_stories: bool) -> Path:
    con = open_store(store, read_only=True)
    try:
        export_tables(con, out, "parquet")
    finally:
        con.close()
    if not with_stories:  # as Spark writes it: each article's features, no stories
        for table in LINK_TABLES:
            (out / f"{table}.parquet").unlink()
    return out


def _answers(db: Path) -> dict[str, list[dict]]:
    with TestClient(create_app(ServeSettings(db=db))) as client:
        out = {}
        for path in LISTINGS:
            answer = client.get(path, params={"limit": 500})
            assert answer.status_code == 200, (path, answer.text)
            out[path] = answer.json()["items"]
        return out


@pytest.mark.parametrize("with_stories", [True, False], ids=["exported", "spark-like"])
def test_a_dataset_is_served_with_the_answers_of_its_store(store: Path, tmp_path: Path, with_stories: bool) -> None:
    dataset = _dataset(store, tmp_path / "ds", with_stories)
    expected, got = _answers(store), _answers(dataset)
    assert expected["/api/articles"] and expected["/api/stories"]
    assert got == expected  # stories formed in memory when the dataset has none


def test_a_dataset_is_read_only(store: Path, tmp_path: Path) -> None:
    dataset = _dataset(store, tmp_path / "ds", with_stories=False)
    with TestClient(create_app(ServeSettings(db=dataset))) as client:
        refused = client.post("/api/articles", json={"text": "Un texte.", "lang": "fr"})
        assert refused.status_code in (401, 403), refused.text
        assert client.get("/api/status").json()["writes"] is False
    # Nothing can hand batches over to a dataset: no serve file is announced beside it.
    with background_server(ServeSettings(db=dataset)) as url:
        assert url.startswith("http://127.0.0.1:")
        assert not serve_file(dataset).exists()
    assert main(["serve", "--db", str(dataset), "--token", "a-long-enough-token"]) == EXIT_USAGE


def test_a_folder_that_is_not_a_dataset_is_refused_at_start(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["serve", "--db", str(tmp_path / "empty"), "--port", "0"]) != 0
