"""What ``figures.toml`` holds: number words, scales, currencies, units, qualifiers, context words."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class FigureData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
