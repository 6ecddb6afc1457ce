"""English statements from patterns alone (the English Doc has no tagger or parser).

Covers the common wire-story shapes: a quotation with "said X" / "X said" after it or "X said:"
before it, "X said (that) ..." and "..., X said." for indirect speech, "according to X", and
quotations that continue the last speaker. "He"/"she" go to the last person quoted, "they" to the
last group; names are made full from an earlier longer mention ("Jhung" -> "Michael Jhung").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newsclaims.extract.statements.layout import View
from newsclaims.extract.statements.lexicon import words
from newsclaims.extract.statements.quotes import Quote
from newsclaims.records import Speaker, Statement, TextSpan

VERSION = "1"

_VERBS = (
    "said|says|say|told|tells|added|adds|stated|states|declared|announced|announces|explained|explains|noted|"
    "notes|warned|warns|wrote|writes|argued|argues|claimed|claims|insisted|insists|acknowledged|acknowledges|"
    "admitted|admits|confirmed|confirms|denied|denies|estimated|estimates|predicted|predicts|reported|reports|"
    "testified|recalled|recalls|urged|urges|cautioned|stressed|stresses|asserted|asserts|suggested|suggests|"
    "believes|believed|thinks|thought|concluded|concludes|continued|continues|tweeted|posted"
)
_NAME = r"(?:[A-Z][\w'’.-]*\.?)(?:\s+(?:[A-Z][\w'’.-]*\.?|de|van|von|bin|al|of|the|for))*"
_DESC = r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w'’-]+\s+){0,5}?(?:" + _NAME + r"|[a-z][\w-]*)"
_PRONOUN = r"(?:he|she|they|He|She|They)"
# Capitalised words that open a sentence without naming anyone.
_NOT_NAMES = r"(?!(?:That|This|It|There|Here|What|Which|But|And|So|If|When|While|The|A|An|In|On|At|For)\b)"
# Who said it: a pronoun, a name (with a title or description before it, a group noun after it:
# "CDC officials"), or a description ("the company", "a spokesman for the ministry").
_SOURCE = (
    rf"(?P<src>{_PRONOUN}|(?:(?:[a-z][\w-]*\s+){{0,3}})?{_NOT_NAMES}{_NAME}"
    rf"(?:\s+(?:officials|spokesman|spokeswoman|spokesperson|officers|researchers|experts))?"
    rf"(?:,\s+(?:the\s+)?[\w'’ -]+?,)?|{_DESC})"
)
_TIME = r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|last\s+\w+))?"
# "told reporters", "told CNN": the hearer is not what was said.
_HEARER = r"(?:(?:(?<=told)|(?<=tells))\s+(?:reporters|journalists|the\s+[\w-]+|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*))?"

# "..., said X." / "..., X said." right after a quotation or a clause.
_AFTER_INVERTED = re.compile(rf"\s*,?\s*(?P<verb>{_VERBS}){_TIME}\s+{_SOURCE}\b(?P<tail>[^.!?\"“”]*)")
_AFTER_SUBJECT = re.compile(rf"\s*,?\s*{_SOURCE}\s+(?P<verb>{_VERBS})\b{_TIME}(?P<tail>[^.!?\"“”]*)")
# "X said: " or "X said that" before what was said.
_BEFORE = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n)){_SOURCE}\s+(?P<verb>{_VERBS}){_HEARER}{_TIME}(?:\s+(?:that\s+)?|\s*[:,]\s*)"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<src>(?:the\s+)?" + _NAME + r"|(?:the\s+)?[\w'’ -]+?)(?=[,.;])")

_ORG_WORDS = words(
    "ministry department agency office council police army government company corporation inc corp group "
    "committee commission union party court bank institute university centers center association "
    "foundation pentagon kremlin house organization organisation service services"
)
_GROUP_HEADS = re.compile(r"\b(officials|authorities|experts|analysts|scientists|researchers|residents|witnesses)\b")
_PRONOUNS = {"he": "person", "she": "person", "they": "group"}


@dataclass
class _Found:
    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None  # characters of the source's words; None: the last speaker goes on
    unit: int


def extract_english(doc: Doc) -> list[Statement]:
    view = View(doc)
    text = view.text
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for q in view.quotes:
        f = _quote_statement(view, q, found)
        if f is not None:
            found.append(f)
            taken.append((q.open, q.close))
    for ui, unit in enumerate(view.units):
        for f in _clause_statements(text, unit.start_char, unit.end_char, ui):
            if not any(a < f.content[1] and f.content[0] < b for a, b in taken + [x.content for x in found]):
                found.append(f)
    found.sort(key=lambda f: f.content[0])
    return _resolve(view, found)


def _quote_statement(view: View, q: Quote, found: list[_Found]) -> _Found | None:
    text = view.text
    unit = view.unit_of[view.token_at(q.open)]
    if len(text[q.start : q.end].split()) < 3:
        return None  # a name, a title or a scare-quoted word
    after = _after(text, q.close, min(len(text), q.close + 160))
    if after:
        return _Found((q.start, q.end), after.span("verb"), after.span("src"), unit)
    lead = text[max(0, q.open - 160) : q.open]
    before = None
    for m in _BEFORE.finditer(lead):
        if m.end() == len(lead):
            before = m
    if before is not None:
        off = q.open - len(lead)
        cue = (before.start("verb") + off, before.end("verb") + off)
        return _Found((q.start, q.end), cue, (before.start("src") + off, before.end("src") + off), unit)
    if found and unit - found[-1].unit <= 2 and len(text[q.start : q.end].split()) >= 6:
        return _Found((q.start, q.end), None, None, unit)  # the last speaker goes on
    return None


def _clause_statements(text: str, start: int, end: int, unit: int) -> list[_Found]:
    """Indirect speech in one sentence: "X said (that) ...", "..., X said.", "according to X"."""
    sentence = text[start:end]
    out: list[_Found] = []
    m = _BEFORE.match(sentence)
    if m:
        content = _trim(text, start + m.end(), end)
        out.append(
            _Found(content, (start + m.start("verb"), start + m.end("verb")), _shift(m.span("src"), start), unit)
        )
        return out
    comma = sentence.rfind(",")
    if comma > 0:
        tail = _after(sentence, comma, len(sentence))
        if tail and not tail["tail"].strip(" ."):
            cue, src = _shift(tail.span("verb"), start), _shift(tail.span("src"), start)
            out.append(_Found(_trim(text, start, start + comma), cue, src, unit))
            return out
    acc = _ACCORDING.search(sentence)
    if acc:
        src = _shift(acc.span("src"), start)
        # "According to X, ..." reports what follows; "..., according to X." what comes before.
        content = _trim(text, src[1] + 1, end) if acc.start() <= 1 else _trim(text, start, start + acc.start())
        cue = start + acc.start(), start + acc.start() + len("according to")
        out.append(_Found(content, cue, src, unit))
    return out


def _after(text: str, pos: int, endpos: int) -> re.Match[str] | None:
    return _AFTER_INVERTED.match(text, pos, endpos) or _AFTER_SUBJECT.match(text, pos, endpos)


def _shift(span: tuple[int, int], by: int) -> tuple[int, int]:
    return span[0] + by, span[1] + by


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " ,;:\n\u00a0":
        a += 1
    while b > a and text[b - 1] in " ,;:.\n\u00a0":
        b -= 1
    return a, b


def _resolve(view: View, found: list[_Found]) -> list[Statement]:
    text = view.text
    people: list[str] = []
    out: list[Statement] = []
    last: Speaker | None = None
    last_group: Speaker | None = None
    for f in found:
        if f.content[1] - f.content[0] < 2:
            continue
        speaker = _speaker(text, f, people, last, last_group)
        if speaker is None:
            continue
        if speaker.name:
            if speaker.kind == "group":
                last_group = speaker
            else:
                last = speaker
        out.append(_statement(view, f, speaker))
    return out


def _speaker(text: str, f: _Found, people: list[str], last: Speaker | None, group: Speaker | None) -> Speaker | None:
    if f.source is None:
        return last
    a, b = f.source
    words = text[a:b].strip()
    mention = TextSpan(text[a:b], a, b)
    kind = _PRONOUNS.get(words.lower())
    if kind is not None:
        ref = group if kind == "group" else last
        return Speaker(ref.name if ref else "", mention, ref.kind if ref else "unknown", ref.role if ref else None)
    name, role = _split_title(words)
    kind = _kind(name)
    if kind == "person" or (kind == "unknown" and " " not in name):
        name = _canonical(name, people)
        kind = "person" if " " in name else kind
    names = (name.split()[-1],) if kind == "person" and len(name.split()) > 1 else ()
    return Speaker(name, mention, kind, role, names)  # type: ignore[arg-type]


_TITLE_WORDS = words(
    "secretary senator president minister governor mayor judge attorney district general chief executive "
    "officer director spokesman spokeswoman spokesperson chairman chairwoman commissioner ambassador "
    "representative rep. sen. gov. prime foreign defense state deputy vice former acting dr. prof. "
    "professor lieutenant colonel captain sergeant admiral"
)


def _split_title(words: str) -> tuple[str, str | None]:
    """ "Defense Secretary Lloyd Austin" -> ("Lloyd Austin", "Defense Secretary"); "X, the minister,"."""
    words = words.strip(" ,")
    if "," in words:
        name, _sep, role = words.partition(",")
        return name.strip(), role.strip(" ,") or None
    parts = re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.I).split()
    k = 0
    while k < len(parts) - 1 and (parts[k].lower() in _TITLE_WORDS or not parts[k][:1].isupper()):
        k += 1
    if k > 0 and all(p[:1].isupper() for p in parts[k:]):
        return " ".join(parts[k:]), " ".join(parts[:k])
    return " ".join(parts), None


def _kind(name: str) -> str:
    low = name.lower()
    if _GROUP_HEADS.search(low):
        return "group"
    if re.search(r"\b(statement|report|study|survey|data|figures|poll|analysis)\b", low):
        return "document"
    if any(w in _ORG_WORDS for w in re.findall(r"[a-z]+", low)) or name.isupper():
        return "organisation"
    caps = [w for w in name.split() if w[:1].isupper()]
    # One capitalised word may be a surname or a company: only two or more look like a person.
    return "person" if len(caps) >= 2 and len(caps) == len(name.split()) else "unknown"


def _canonical(name: str, people: list[str]) -> str:
    """ "Jhung" -> "Michael Jhung" when the fuller name came first."""
    surname = name.split()[-1]
    for full in people:
        if full.split()[-1] == surname and len(full) >= len(name):
            return full
    if " " in name:
        people.append(name)
    return name


def _statement(view: View, f: _Found, speaker: Speaker) -> Statement:
    text = view.text
    a, b = f.content
    inside = any(q.start <= a and b <= q.end for q in view.quotes)
    mixed = any(a <= q.open < b for q in view.quotes)
    kind = "direct" if inside else "mixed" if mixed else "indirect"
    cue = TextSpan(text[f.cue[0] : f.cue[1]], f.cue[0], f.cue[1]) if f.cue else None
    unit = view.units[f.unit]
    s0, s1 = min(unit.start_char, a), max(unit.end_char, b)
    return Statement(
        speaker=speaker,
        cue=cue,
        content=TextSpan(text[a:b], a, b),
        kind=kind,  # type: ignore[arg-type]
        sentence=TextSpan(text[s0:s1], s0, s1),
        confidence=0.6 if speaker.name else 0.3,
        version=VERSION,
    )
