"""English time words: what each means on the calendar. Loaded once, at import."""

from __future__ import annotations

from newsclaims.extract.times.words import word_list, words

MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8,
    "September": 9, "October": 10, "November": 11, "December": 12,
}  # fmt: skip
# Abbreviations only count next to a day number or a year ("Oct. 31", "Feb 2012").
MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10,
    "Nov": 11, "Dec": 12,
}  # fmt: skip
# Month names that are also common words: alone, they need a preposition before them.
AMBIGUOUS_MONTHS = ("May", "March")
MONTH_CUES = words(
    "in since until till by of last next this early late mid during from through to before after around "
    "between and or since-"
)
WEEKDAYS = {"Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4, "Friday": 5, "Saturday": 6, "Sunday": 7}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "midday": "MI", "noon": "MI"}

FIXED_FEASTS = {
    "Christmas": (12, 25), "Christmas Day": (12, 25), "Christmas Eve": (12, 24), "New Year's Day": (1, 1),
    "New Year's Eve": (12, 31), "Halloween": (10, 31), "Valentine's Day": (2, 14), "Boxing Day": (12, 26),
}  # fmt: skip
EASTER_FEASTS = {"Easter": 0, "Easter Sunday": 0, "Easter Monday": 1, "Good Friday": -2, "Ash Wednesday": -46}

DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}
ANAPHORIC_DAYS = {
    "the next day": 1, "the following day": 1, "the day before": -1, "the previous day": -1, "the same day": 0,
    "that day": 0, "the day after": 1, "the next morning": 1, "the following morning": 1,
}  # fmt: skip

UNITS = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "weekend": "weekend", "month": "month",
    "months": "month", "quarter": "quarter", "year": "year", "years": "year", "fiscal year": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
}  # fmt: skip
DURATION_UNITS = {
    "second": "S", "seconds": "S", "minute": "MIN", "minutes": "MIN", "hour": "H", "hours": "H", "day": "D",
    "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M", "quarter": "Q", "quarters": "Q",
    "year": "Y", "years": "Y", "decade": "DE", "decades": "DE", "century": "CE", "centuries": "CE",
}  # fmt: skip

LAST = ("last", "past", "previous")
NEXT = ("next", "coming")
REF_WORDS = {"previous": -1, "following": 1, "that": 0}

MODS = {
    "early": "START", "the beginning of": "START", "beginning of": "START", "the start of": "START",
    "start of": "START", "mid": "MID", "the middle of": "MID", "middle of": "MID", "late": "END",
    "the end of": "END", "end of": "END", "earlier": "START", "later": "END",
}  # fmt: skip

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
CENTURY_WORDS = {
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip

NUMBER_WORDS = word_list(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred"
)
VAGUE_COUNTS = ("several", "a few", "few", "many", "some")

REFS = {
    "PRESENT_REF": (
        "now", "currently", "at present", "presently", "nowadays", "these days", "for now", "at the moment",
        "at this time", "right now", "for the time being", "to date",
    ),
    # "previously", "formerly" order events against each other rather than place them: left out.
    "PAST_REF": ("recently", "lately", "in the past", "the past", "at the time"),
    "FUTURE_REF": (
        "in the future", "the future", "in the long term", "in the long run", "in the short term",
        "in the near future",
    ),
}  # fmt: skip
# "once", "soon" and "eventually" are too often no time at all: left out.

# Words that may follow a bare year ("in 2010 and", "2010, when"); any other lower-case word after
# a year without a cue marks a count ("2000 troops").
FUNCTION_WORDS = words(
    "and or but to the a an of in on at by for with from as than that which who when where while after "
    "before since until was were is are had has have will would could should may might did does do be "
    "been being it its he she they we i you this these those there their his her our not no also alone "
    "only again"
)
