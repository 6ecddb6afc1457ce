"""What ``datelines.toml`` holds: the forms of a wire story's dateline in this language."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class DatelineData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
