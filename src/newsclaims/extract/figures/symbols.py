"""Currency and unit symbols every language writes alike ("$", "€", "km", "%"), and ISO 4217 codes.

They are data (``symbols.toml`` beside this module), read once; what one language writes is in its
pack's ``figures.toml``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from babel.numbers import list_currencies
from pydantic import BaseModel, ConfigDict

from newsclaims.languages.files import load_toml


class SymbolData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    not_currencies: frozenset[str] = frozenset()  # ISO codes that are also upper-case words
    currencies_before: dict[str, str] = {}  # "$5", "US$ 3"
    currencies_after: dict[str, str] = {}  # "5 €"
    units: dict[str, str] = {}  # "20 km", case as written
    relative_units: frozenset[str] = frozenset()  # units of the size of a change: "%"


@cache
def symbols() -> SymbolData:
    return load_toml(resources.files(__package__), "symbols.toml", SymbolData, "(figure symbols)")


@cache
def iso_currencies() -> frozenset[str]:
    """ISO 4217 codes read as currencies when written beside a number ("EUR 20", "20 USD")."""
    return frozenset(list_currencies()) - symbols().not_currencies
