"""One pass of a pack's rules over a text: the Rule shape, the scan, and what builders may ask of it.

A rule is a compiled regex (from the pack's ``times.toml``) and a builder that reads the match (and,
when it must, the words around it) and returns the Spec it means, several spans with theirs, or a
``Reject`` that says why the match is no time expression. A scan runs each rule over the text once;
``longest_first`` keeps the longest matches that do not overlap.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from newsclaims.extract.times.spec import NEUTRAL, Candidate, Spec
from newsclaims.extract.times.tense import clause_tense
from newsclaims.records import Dropped

if TYPE_CHECKING:
    from newsclaims.extract.times.lexicon import TimeLexicon

_WORD_AFTER = re.compile(r"[\s\u00a0]*([^\W\d_][\w'’-]*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[\s\u00a0]*$")
_CLAUSE_OPENERS = '.!?:;,«»"\n'


@dataclass(frozen=True)
class Reject:
    """Why a builder set a match aside, in a few words (shown by ``extract --explain``)."""

    reason: str


UNREADABLE = Reject("words the rule could not read")

Built = Spec | list[tuple[int, int, Spec]] | Reject
Builder = Callable[[re.Match[str], "Scan"], Built]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    build: Builder


@dataclass(frozen=True)
class Scan:
    """The text under scan, the pack's words, and the Doc when a builder needs a word's part of speech."""

    text: str
    lex: TimeLexicon
    doc: Doc | None = None
    parsed: bool = False  # the Doc has a dependency parse (and so POS and morphology)

    def before(self, pos: int, width: int = 30) -> str:
        return self.text[max(0, pos - width) : pos]

    def word_before(self, pos: int) -> str:
        m = _WORD_BEFORE.search(self.before(pos, 40))
        return m.group(1).lower() if m else ""

    def word_after(self, pos: int) -> str:
        """The word after ``pos``; an elided word alone ("d'une" -> "d'")."""
        m = _WORD_AFTER.match(self.text, pos)
        if not m:
            return ""
        elided = self.lex.elided.match(m.group(1)) if self.lex.elided is not None else None
        return elided.group(1).replace("’", "'") if elided else m.group(1)

    def nowadays(self, start: int, end: int) -> bool:
        """Whether a "today" at text[start:end] means 'nowadays': set off by commas at the head of a
        clause in the present tense ("Aujourd'hui, la ville vit...", "Today, the city is..."), where
        an event would put a past or future verb ("Aujourd'hui, le ministre a annoncé...")."""
        before = self.text[max(0, start - 3) : start].rstrip()
        opens = not before or before[-1] in _CLAUSE_OPENERS
        if not (opens and self.text[end : end + 2].lstrip(" ").startswith(",")):
            return False
        return self.doc is None or clause_tense(self.doc, start, end, self.lex, self.parsed) == NEUTRAL

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


def run_rules(rules: Iterable[Rule], scan: Scan, dropped: list[Dropped] | None = None) -> list[Candidate]:
    """Every accepted match of every rule; the span is the group ``t`` when the pattern has one.
    Rejected matches go to ``dropped`` with their reason when it is a list."""
    found: list[Candidate] = []
    for rule in rules:
        spanned = "t" in rule.pattern.groupindex
        for m in rule.pattern.finditer(scan.text):
            try:
                built = rule.build(m, scan)
            except (KeyError, ValueError, IndexError, OverflowError):
                built = UNREADABLE  # odd spelling, mixed scripts
            if isinstance(built, Spec):
                start, end = m.span("t") if spanned else m.span()
                found.append(Candidate(start, end, built, rule.name))
            elif isinstance(built, Reject):
                if dropped is not None:
                    start, end = m.span("t") if spanned else m.span()
                    dropped.append(Dropped("time", scan.text[start:end], start, end, rule.name, built.reason))
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
