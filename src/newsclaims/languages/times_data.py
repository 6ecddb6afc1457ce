"""What ``times.toml`` holds: calendar words, regex macros and the rules that find time expressions."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class TimeData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
