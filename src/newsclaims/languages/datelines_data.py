"""What ``datelines.toml`` holds: the forms of a wire story's dateline and byline in this language.

Each form is a regex anchored at the start of a line, read with the named groups ``day``, ``month``
(a month name) or ``mnum`` (its number) and ``year`` (optional). The reader provides ``{MONTH}`` (the
month names and abbreviations of every registered pack, in lower case: use IGNORECASE) and
``{WEEKDAY}`` (their weekdays), since a dateline is read whatever the language of the story; a form
may also use its file's ``macros`` and ``lists``. A form marked ``byline`` ("Publié le ...") dates
the story without opening its text.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable

from pydantic import BaseModel, ConfigDict

from newsclaims.languages.errors import PackError
from newsclaims.languages.files import line_of, load_toml, read_text
from newsclaims.languages.patterns import Expander, Flag, Pattern, PatternError

FILE = "datelines.toml"
PROVIDED = ("MONTH", "WEEKDAY")  # what the reader fills in


class DatelineForm(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: Pattern
    flags: tuple[Flag, ...] = ()
    byline: bool = False


class DatelineData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    lists: dict[str, tuple[str, ...]] = {}
    macros: dict[str, Pattern] = {}
    forms: dict[str, DatelineForm] = {}  # tried in order

    def expander(self, given: dict[str, str]) -> Expander:
        return Expander(self.macros, self.lists, given)


def load_datelines(root: Traversable, pack: str) -> DatelineData:
    """``datelines.toml`` of the pack, validated: types, then every reference and pattern (with
    a stand-in for the month and weekday names the reader provides)."""
    data = load_toml(root, FILE, DatelineData, pack)
    try:
        ex = data.expander({name: r"[^\W\d_]+" for name in PROVIDED})
        ex.check_macros()
        for name, form in data.forms.items():
            ex.compile(form.pattern, ("forms", name, "pattern"), form.flags)
    except PatternError as exc:
        line = line_of(read_text(root, FILE, pack), exc.loc)
        raise PackError(pack, FILE, line, f"{'.'.join(exc.loc)}: {exc}") from None
    return data
