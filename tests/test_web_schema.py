"""Schemathesis over /openapi.json: generated requests to every route (pages too) never get a 500,
and every answer matches the schema the app publishes. A bounded run (a few examples per route)."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from newsclaims.web.app import create_app
from newsclaims.web.settings import ServeSettings
from test_store import RECORDS
from web_fixtures import hostile_record, write_store

pytestmark = pytest.mark.slow


def _app():
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="newsclaims-schema-"))
    db = write_store(folder / "s.duckdb", [*RECORDS, hostile_record()])
    # Writes are on, with a token the generated requests do not know: POST must still never give a 500.
    return create_app(ServeSettings(db=db, token="a-token-nobody-guesses", max_body=64 * 1024))


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_gives_a_server_error(case: schemathesis.Case) -> None:
    response = case.call()
    case.validate_response(response, checks=(not_a_server_error, status_code_conformance, response_schema_conformance))
