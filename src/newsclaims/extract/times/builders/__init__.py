"""The builders: one function per shape of time expression, named by the shape it reads, never by
a language. A pack's rule names its builder; the builder reads the rule's named groups and looks
the words up in the pack's tables (``scan.lex``)."""

from __future__ import annotations

from typing import get_args

from newsclaims.extract.times.builders import coarse, days, relative, spans
from newsclaims.extract.times.scan import Builder
from newsclaims.languages.times_data import BuilderName

BUILDERS: dict[BuilderName, Builder] = {
    "anaphoric_day": relative.anaphoric_day,
    "calendar_date": days.calendar_date,
    "century": coarse.century,
    "clock_ampm": spans.clock_ampm,
    "clock_word": spans.clock_word,
    "clock_word_hours": spans.clock_word_hours,
    "count_of_units": relative.count_of_units,
    "date_range": days.date_range,
    "decade": coarse.decade,
    "deictic_day": relative.deictic_day,
    "duration": spans.duration,
    "every": spans.every,
    "feast": days.feast,
    "iso_date": days.iso_date,
    "month_name": coarse.month_name,
    "night_of": days.night_of,
    "numeric_date_dmy": days.numeric_date_dmy,
    "numeric_date_mdy": days.numeric_date_mdy,
    "quarter": coarse.quarter,
    "recent_stretch": spans.recent_stretch,
    "ref_part_of_day": relative.ref_part_of_day,
    "ref_phrase": relative.ref_phrase,
    "season": coarse.season,
    "this_part_of_day": relative.this_part_of_day,
    "this_unit": relative.this_unit,
    "unit_by_direction": relative.unit_by_direction,
    "unit_with_mod": relative.unit_with_mod,
    "vague_future": relative.vague_future,
    "vague_past": relative.vague_past,
    "weekday": days.weekday,
    "weekday_day": days.weekday_day,
    "year": coarse.year_,
    "year_of_last_century": coarse.year_of_last_century,
    "year_range": coarse.year_range,
}

# The schema lists the names a pack may use; each must have its builder, and no builder goes unnamed.
assert set(BUILDERS) == set(get_args(BuilderName)), set(BUILDERS) ^ set(get_args(BuilderName))
