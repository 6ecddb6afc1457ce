"""What the language rule sets share: the Rule shape, the scan that runs them, and small helpers.

A rule is a compiled regex and a builder that reads the match (and, when it must, the words around
it) and returns the Spec it means, or None to reject the match. Every regex is compiled once at
import; a scan runs each over the text once and keeps the longest matches that do not overlap.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from newsclaims.extract.times.spec import NEUTRAL, Candidate, Spec
from newsclaims.extract.times.tense import clause_tense

AP = "['’ʼ]"  # apostrophes as news text writes them
_WORD_AFTER = re.compile(r"[\s\u00a0]*([^\W\d_][\w'’-]*)")
_ELIDED = re.compile(r"((?:[dlnjmtsc]|qu|jusqu|lorsqu|puisqu)['’])", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[\s\u00a0]*$")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that "dix-sept" wins over "dix"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Scan:
    """The text under scan, and the Doc when a builder needs a word's part of speech."""

    text: str
    doc: Doc | None = None
    parsed: bool = False  # the Doc has a dependency parse (and so POS and morphology)

    def before(self, pos: int, width: int = 30) -> str:
        return self.text[max(0, pos - width) : pos]

    def word_before(self, pos: int) -> str:
        m = _WORD_BEFORE.search(self.before(pos, 40))
        return m.group(1).lower() if m else ""

    def word_after(self, pos: int) -> str:
        """The word after ``pos``; an elided French word alone ("d'une" -> "d'")."""
        m = _WORD_AFTER.match(self.text, pos)
        if not m:
            return ""
        elided = _ELIDED.match(m.group(1))
        return elided.group(1).replace("’", "'") if elided else m.group(1)

    def nowadays(self, start: int, end: int) -> bool:
        """Whether a "today" at text[start:end] means 'nowadays': set off by commas at the head of a
        clause in the present tense ("Aujourd'hui, la ville vit...", "Today, the city is..."), where
        an event would put a past or future verb ("Aujourd'hui, le ministre a annoncé...")."""
        before = self.text[max(0, start - 3) : start].rstrip()
        opens = not before or before[-1] in '.!?:;,«»"\n'
        if not (opens and self.text[end : end + 2].lstrip(" ").startswith(",")):
            return False
        return self.doc is None or clause_tense(self.doc, start, end, self.parsed) == NEUTRAL

    def pos_at(self, char: int) -> str:
        """The part of speech of the token at ``char`` ("" when the Doc has none or no token is there)."""
        if self.doc is None or not self.parsed:
            return ""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0].pos_ if span is not None and len(span) else ""

    def counts_next_noun(self, char: int, adjacent: bool = False) -> bool:
        """Whether the parse attaches the number at ``char`` to a noun after it ("2000 soldats"); with
        ``adjacent``, only to the very next word ("en 1500 mètres")."""
        if self.doc is None or not self.parsed:
            return False
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False
        tok = span[0]
        return tok.dep_ == "nummod" and (tok.head.i == tok.i + 1 if adjacent else tok.head.i > tok.i)

    def pos_after(self, pos: int) -> str:
        m = _WORD_AFTER.match(self.text, pos)
        return self.pos_at(m.start(1)) if m else ""


Builder = Callable[[re.Match[str], Scan], Spec | list[tuple[int, int, Spec]] | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    build: Builder


def run_rules(rules: Iterable[Rule], scan: Scan) -> list[Candidate]:
    """Every accepted match of every rule; the span is the group ``t`` when the pattern has one."""
    found: list[Candidate] = []
    for rule in rules:
        for m in rule.pattern.finditer(scan.text):
            try:
                built = rule.build(m, scan)
            except (KeyError, ValueError, IndexError, OverflowError):
                built = None  # words the rule could not read (odd spelling, mixed scripts): dropped
            if built is None:
                continue
            if isinstance(built, Spec):
                start, end = m.span("t") if "t" in rule.pattern.groupindex else m.span()
                found.append(Candidate(start, end, built, rule.name))
            else:
                found.extend(Candidate(s, e, spec, rule.name) for s, e, spec in built)
    return found


def longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longer ones first, then in text order."""
    starts: list[int] = []  # accepted spans, kept sorted: a new one need only be checked against its neighbours
    kept: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if c.end <= c.start:
            continue
        i = bisect.bisect_left(starts, c.start)
        if i < len(kept) and kept[i].start < c.end:
            continue  # overlaps the next accepted span
        if i > 0 and kept[i - 1].end > c.start:
            continue  # overlaps the previous one
        starts.insert(i, c.start)
        kept.insert(i, c)
    return kept


def feast_rule(fixed: dict[str, tuple[int, int]], moveable: dict[str, int], determiners: str) -> Rule:
    """Named feasts ("Noël", "le lundi de Pâques", "Easter Monday"): a day, in the year written after
    them or the one the context points to. A capitalised word right after makes it a name
    ("Noël Mamère", "Toussaint Louverture"), as does "Père Noël" or "île de Pâques"."""
    names = alternation([*fixed, *moveable]).replace("'", AP)
    pattern = re.compile(
        rf"(?<![\w-])(?P<t>(?:(?i:{determiners})\s*)?(?P<h>{names})(?:\s+(?P<year>[12][0-9]{{3}}))?)(?![\w-])"
    )

    def build(m: re.Match[str], scan: Scan) -> Spec | None:
        if re.match(r"\s+[A-ZÀ-Ý][a-zà-ÿ]", scan.text[m.end("t") : m.end("t") + 3]):
            return None
        if re.search(r"(?i:père|île\s+de|island\s+of)\s+$", scan.before(m.start("t"))):
            return None
        name = re.sub(r"\s+", " ", m.group("h")).replace("’", "'").replace("ʼ", "'")
        year = int(m.group("year")) if m.group("year") else None
        if name in moveable:
            return Spec(easter=moveable[name], year=year)
        month, day = fixed[name]
        return Spec(month=month, day=day, year=year)

    return Rule("feast", pattern, build)


# "2002-2004", "1957-58": two years, as TimeML annotates a range.
YEAR_RANGE = re.compile(r"(?<![\w.,-])(?P<y1>[12][0-9]{3})\s?[-–]\s?(?P<y2>[12][0-9]{3}|[0-9]{2})(?![\w-])")


def build_year_range(m: re.Match[str], scan: Scan) -> list[tuple[int, int, Spec]] | None:
    first, second = int(m.group("y1")), m.group("y2")
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last <= first or last - first > 100:
        return None  # "1500-1200", "1990-2300": not a span of years
    return [(m.start("y1"), m.end("y1"), Spec(year=first)), (m.start("y2"), m.end("y2"), Spec(year=last))]


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total += -v if v < prev else v
        prev = max(prev, v)
    return total or None


def decade_digits(dec: str) -> int:
    """The first three digits of a decade: '1990' -> 199, '60' -> 196, '10' -> 201 ("les années 10"
    of a text written now are the 2010s only when the 1910s cannot be meant: the 20s to 90s are 19xx)."""
    if len(dec) == 4:
        return int(dec) // 10
    return (190 if int(dec) >= 20 else 200) + int(dec) // 10


def number(s: str) -> float | None:
    """A digit string with a comma or dot decimal ("30,4") as a number."""
    try:
        return float(s.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        return None


def fmt_amount(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P3Y, P2M, P1W, PT24H, PT30.4S; n None is an unspecified count (PXY)."""
    amount = "X" if n is None else fmt_amount(n)
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    if unit == "DE":
        return f"P{amount}DE" if n is None else f"P{fmt_amount(n * 10)}Y"
    if unit == "CE":
        return f"P{amount}CE" if n is None else f"P{fmt_amount(n * 100)}Y"
    if unit == "Q":
        return f"P{amount}Q" if n is None else f"P{fmt_amount(n * 3)}M"
    if unit == "HY":
        return f"P{amount}HY" if n is None else f"P{fmt_amount(n * 6)}M"
    return f"P{amount}{unit}"
