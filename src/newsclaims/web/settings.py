"""What one server is started with."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

TOKEN_ENV = "NEWSCLAIMS_TOKEN"
DEFAULT_MAX_BODY = 5 * 1024 * 1024  # an article of text or HTML; `--max-body-mb` raises it
HANDOFF_MAX_BODY = 1024 * 1024 * 1024  # a batch of whole articles from a local ingest (see store.handoff)


@dataclass(frozen=True)
class ServeSettings:
    db: Path
    token: str | None = None  # bearer token for POST /api/articles; None: writes are off
    max_body: int = DEFAULT_MAX_BODY
    # Lets a local `newsclaims ingest` hand its batches over; written to <db>.serve.json only.
    handoff_token: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    @property
    def dataset(self) -> bool:
        """A Parquet dataset (`ingest --engine spark`): served read-only, with nothing to hand off to."""
        return self.db.is_dir()
