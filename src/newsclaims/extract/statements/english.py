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

from newsclaims.extract.statements.drafts import SpanIndex
from newsclaims.extract.statements.layout import View
from newsclaims.extract.statements.lexicon import lexicon_for
from newsclaims.extract.statements.quotes import Quote
from newsclaims.languages import get_pack
from newsclaims.records import Speaker, Statement, TextSpan

VERSION = "1"


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VERBS = (
    "said|says|say|told|tells|added|adds|stated|states|declared|announced|announces|explained|explains|noted|"
    "notes|warned|warns|wrote|writes|argued|argues|claimed|claims|insisted|insists|acknowledged|acknowledges|"
    "admitted|admits|confirmed|confirms|denied|denies|estimated|estimates|predicted|predicts|reported|reports|"
    "testified|recalled|recalls|urged|urges|cautioned|stressed|stresses|asserted|asserts|suggested|suggests|"
    "believes|believed|thinks|thought|concluded|concludes|continued|continues|tweeted|posted"
)
_NAME = r"(?:[A-Z][\w'’.-]*\.?)(?:\s+(?:[A-Z][\w'’.-]*\.?|de|van|von|bin|al|of|the|for))*"
# A description runs over a few words, never over a verb's company ("The mayor arrived on Monday and").
_FILLER = (
    r"(?!(?:but|or|that|which|who|was|were|is|are|has|had|have|will|would)\b)"
    r"(?!and\s+[a-z])"  # "the Department of Health and Human Services", not "The mayor arrived and"
)
_DESC = (
    r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:"
    + _FILLER
    + r"[\w'’-]+\s+){0,5}?(?:"
    + _NAME
    + r"|(?!and\b)"
    + _FILLER
    + r"[a-z][\w-]*)"
)
_PRONOUN = r"(?:he|she|they|it|He|She|They|It)"
# Plural nouns that name a group of sources with no determiner: "officials said", "said local residents".
_GROUP_NOUNS = (
    "officials|authorities|experts|analysts|scientists|researchers|residents|witnesses|investigators|organizers|"
    "organisers|doctors|sources|prosecutors|lawyers|economists|workers|employees|protesters|rescuers|firefighters|"
    "officers|diplomats|leaders|executives|campaigners|activists|unions|regulators|observers|critics|opponents|"
    "supporters|voters|managers|engineers|teachers|parents|nurses|farmers|traders|spokespeople|police"
)
_BARE_GROUP = (
    rf"(?:(?!(?:which|that|who|whom|as|and|but|or|it|they|It|They|The|A|An)\b)[A-Za-z][\w-]*\s+)?"
    rf"(?i:{_GROUP_NOUNS})\b"
)
# An aside after a source: "Paul Grant, the finance director,", "The company, which employs 2,000 people,".
_APPOSITION = r"(?:,\s+(?:(?:which|who)\s+[^.;:“”\"]{1,80}?|(?:the\s+)?[\w'’ -]+?),)?"
# Capitalised words that open a sentence without naming anyone.
_NOT_NAMES = r"(?!(?:That|This|It|There|Here|What|Which|But|And|So|If|When|While|The|A|An|In|On|At|For)\b)"
# Who said it: a pronoun, a name (with a title or description before it, a group noun after it:
# "CDC officials"), or a description ("the company", "a spokesman for the ministry").
_SOURCE = (
    rf"(?P<src>{_PRONOUN}|(?:(?:[a-z][\w-]*\s+){{0,3}})?{_NOT_NAMES}{_NAME}"
    rf"(?:\s+(?:officials|spokesman|spokeswoman|spokesperson|officers|researchers|experts))?"
    rf"{_APPOSITION}|{_DESC}{_APPOSITION}|{_BARE_GROUP})"
)
_TIME = r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|last\s+\w+))?"
# "told reporters", "told CNN": the hearer is not what was said.
_HEARER = r"(?:(?:(?<=told)|(?<=tells))\s+(?:reporters|journalists|the\s+[\w-]+|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*))?"

# "..., said X." / "..., X said." right after a quotation or a clause.
_AFTER_INVERTED = re.compile(rf"\s*,?\s*(?P<verb>{_VERBS}){_TIME}\s+{_SOURCE}\b(?P<tail>[^.!?\"“”]*)")
_AFTER_SUBJECT = re.compile(rf"\s*,?\s*{_SOURCE}{_TIME}\s+(?P<verb>{_VERBS})\b{_TIME}(?P<tail>[^.!?\"“”]*)")
# Where it was said, between the verb and "that": "said in a statement that", "told CNN on Sunday that".
_SETTING = (
    r"(?:\s+(?:in|on|at|during|to|after|before)\s+(?:(?:an?|the|his|her|its|their)\s+)?"
    r"[\w'’-]+(?:\s+[\w'’-]+){0,4}?(?=\s+that\b))?"
)
# "X said: " or "X said that" before what was said.
# A sentence may open on when or where before its source: "On Monday, officials said ...".
_OPENER = (
    r"(?:(?:[A-Z][a-z]+ly|However|Later|Meanwhile|Separately|Earlier|Instead|Still|Yet|Now|Then|Today|Yesterday|"
    r"(?:On|In|At|During|After|Before|Since|From|Under|Asked|Speaking)\s+[\w'’-]+(?:\s+[\w'’-]+){0,4}),\s+)?"
)
_BEFORE = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n)){_OPENER}{_SOURCE}{_TIME}\s+(?P<verb>{_VERBS}){_HEARER}{_TIME}{_SETTING}"
    r"(?:\s+(?:that\s+)?|\s*[:,]\s*)"
)
# A second verb of the sentence's subject, or a new source joined by "and"/"but": "X conceded but said
# he ...", "..., and it said further cuts ...".
_PAST_VERBS = (
    "said|told|added|stated|declared|announced|explained|noted|warned|wrote|argued|claimed|insisted|acknowledged|"
    "admitted|confirmed|denied|estimated|predicted|testified|recalled|urged|cautioned|stressed|asserted|tweeted"
)
_JOINED = re.compile(
    rf"(?:,\s*|\s+)(?:and|but)\s+(?:{_SOURCE}\s+)?(?:also\s+)?(?P<verb>{_PAST_VERBS})\b{_HEARER}{_TIME}{_SETTING}"
    r"(?:\s+that\b|\s*[:,])?\s*"
)
# "..., saying (that) ...": a participle that reports for the sentence's subject.
_SAYING = re.compile(r",\s+(?P<verb>saying|adding|warning|arguing|insisting|noting|claiming)\s+(?:that\s+)?")
# "... said on Monday after counting the ballots.": what follows the cue is when or how, not a claim.
_CIRCUMSTANCE = re.compile(
    r"\s*,?\s*(?:after|before|following|in|at|on|during|when|while|as|citing|without|despite|because|since|"
    r"from|via|through|amid|ahead|late|early|shortly)\b"
)
# A full name in apposition after a description: "the board's chairwoman, Helen Marsh,".
_APPOSED_NAME = re.compile(r",\s+(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|de|van|von|al|bin)){1,3})(?=\s*,)")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<src>(?:the\s+)?" + _NAME + r"|(?:the\s+)?[\w'’ -]+?)(?=[,.;])")

_ORG_WORDS = words(
    "ministry department agency office council police army government company corporation inc corp group "
    "committee commission union party court bank institute university centers center association "
    "foundation pentagon kremlin house organization organisation service services"
)
_GROUP_HEADS = re.compile(r"\b(officials|authorities|experts|analysts|scientists|researchers|residents|witnesses)\b")
_PRONOUNS = {"he": "m", "she": "f", "they": "group", "it": "organisation"}
# Words that give a person's gender: titles, honorifics, kin.
_FEMALE = words(
    "she her mrs mrs. ms ms. miss madam lady queen chairwoman spokeswoman congresswoman businesswoman "
    "councilwoman alderwoman sportswoman woman mother sister daughter wife grandmother aunt actress princess"
)
_MALE = words(
    "he his mr mr. sir lord king chairman spokesman congressman businessman councilman alderman sportsman man "
    "father brother son husband grandfather uncle actor prince"
)


@dataclass
class _Found:
    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None  # characters of the source's words; None: the last speaker goes on
    unit: int


def extract_english(doc: Doc) -> list[Statement]:
    view = View(doc, lexicon_for(get_pack("en")))
    text = view.text
    found: list[_Found] = []
    taken: SpanIndex[tuple[int, int]] = SpanIndex()
    for q in view.quotes:
        f = _quote_statement(view, q, found)
        if f is not None:
            found.append(f)
            taken.add(q.open, q.close, (q.open, q.close))
            taken.add(*f.content, f.content)
    for ui, unit in enumerate(view.units):
        for f in _clause_statements(text, unit.start_char, unit.end_char, ui):
            if not any(a < f.content[1] and f.content[0] < b for a, b in taken.near(*f.content)):
                found.append(f)
                taken.add(*f.content, f.content)
    found.sort(key=lambda f: f.content[0])
    return _resolve(view, found)


def _quote_statement(view: View, q: Quote, found: list[_Found]) -> _Found | None:
    text = view.text
    unit = view.unit_of[view.token_at(q.open)]
    if len(text[q.start : q.end].split()) < 3:
        return None  # a name, a title or a scare-quoted word
    content = _trim_quote(text, q.start, q.end)
    after = _after(text, q.close, min(len(text), q.close + 160))
    # “... orderly.” She said ...: a quotation closed on a full stop ends its sentence; a capital
    # after it starts the next one, with a statement of its own.
    if after and not (text[q.start : q.end].endswith(".") and after.group("src")[:1].isupper()):
        return _Found(content, after.span("verb"), after.span("src"), unit)
    lead = text[max(0, q.open - 160) : q.open]
    before = None
    for m in _BEFORE.finditer(lead):
        if m.end() == len(lead):
            before = m
    if before is not None:
        off = q.open - len(lead)
        cue = (before.start("verb") + off, before.end("verb") + off)
        return _Found(content, cue, (before.start("src") + off, before.end("src") + off), unit)
    if found and unit - found[-1].unit <= 2 and len(text[q.start : q.end].split()) >= 6:
        return _Found(content, None, None, unit)  # the last speaker goes on
    return None


def _trim_quote(text: str, a: int, b: int) -> tuple[int, int]:
    """Words inside quotation marks without the comma English puts inside them: “We are ready,” she said."""
    while b > a and text[b - 1] in ", \u00a0":
        b -= 1
    return a, b


def _clause_statements(text: str, start: int, end: int, unit: int) -> list[_Found]:
    """Indirect speech in one sentence: "X said (that) ...", "..., X said.", "according to X",
    "X did this but said ...", "..., saying ..."."""
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
        # "..., the board said on Monday after counting the ballots.": the tail says when, not what.
        if tail and (not tail["tail"].strip(" .") or _CIRCUMSTANCE.match(tail["tail"])):
            cue, src = _shift(tail.span("verb"), start), _shift(tail.span("src"), start)
            out.append(_Found(_trim(text, start, start + comma), cue, src, unit))
            return out
    acc = _ACCORDING.search(sentence)
    if acc:
        src = _shift(acc.span("src"), start)
        named = _APPOSED_NAME.match(text, src[1], end)
        if named:
            src = (src[0], named.end())  # "according to the board's chairwoman, Helen Marsh, ..."
        # "According to X, ..." reports what follows; "..., according to X." what comes before.
        content = _trim(text, src[1] + 1, end) if acc.start() <= 1 else _trim(text, start, start + acc.start())
        cue = start + acc.start(), start + acc.start() + len("according to")
        out.append(_Found(content, cue, src, unit))
        return out
    joined = _JOINED.search(sentence)
    if joined:
        subject = _subject(text, start, start + joined.start())
        # "X cut jobs, and it said ...": "it"/"they" is the sentence's subject when there is one.
        pronoun = (joined.group("src") or "").lower() in ("it", "they")
        src = _shift(joined.span("src"), start) if joined.group("src") and not (pronoun and subject) else subject
        content = _trim(text, start + joined.end(), end)
        if src is not None and content[1] - content[0] > 2:
            out.append(_Found(content, _shift(joined.span("verb"), start), src, unit))
            return out
    saying = _SAYING.search(sentence)
    if saying:
        content = _trim(text, start + saying.end(), end)
        src = _subject(text, start, start + saying.start())
        if src is not None:
            out.append(_Found(content, _shift(saying.span("verb"), start), src, unit))
    return out


# Verbs that end a sentence's subject when no "-ed" form does: "The company cut 300 jobs".
_PLAIN_VERBS = words(
    "is was are were has had have will would could should can may might must did does do cut won lost made took "
    "gave went came left met held kept ran saw sent set put hit led paid sold spent began became brought bought "
    "fell found got said told thought"
)


def _subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words before a sentence's first verb, when they look like a source ("Governor Ellen Park
    conceded ..."): a capitalised start, at most ten words. None: the last speaker goes on."""
    words_ = list(re.finditer(r"[^\s]+", text[start:end]))
    for i, w in enumerate(words_[:11]):
        word = w.group().strip(",;:").lower()
        if i and (word in _PLAIN_VERBS or (len(word) > 4 and word.endswith("ed") and w.group()[:1].islower())):
            first = words_[0]
            if not first.group()[:1].isupper() or first.group().strip(",").lower() in ("it", "this", "that"):
                return None
            a, b = _trim(text, start + first.start(), start + words_[i - 1].end())
            return (a, b) if b > a else None
    return None


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


class _Context:
    """Who was named so far: full names by surname, people's genders, the last speakers."""

    def __init__(self) -> None:
        self.people: dict[str, list[str]] = {}  # surname -> full names, in order of mention
        self.genders: dict[str, str] = {}
        self.last: Speaker | None = None  # the last one who spoke, but a group
        self.persons: list[Speaker] = []  # people who spoke, latest last
        self.group: Speaker | None = None
        self.body: Speaker | None = None  # the last organisation

    def pronoun(self, feature: str) -> Speaker | None:
        if feature == "group":
            return self.group
        if feature == "organisation":
            return self.body
        # "he"/"she": one of the latest people known to be one, else the latest who may be one,
        # else whoever spoke last.
        recent = self.persons[-8:]
        for person in reversed(recent[-3:]):
            if self.genders.get(person.name) == feature:
                return person
        for person in reversed(recent):
            if self.genders.get(person.name, feature) == feature:
                return person
        return None if self.persons else self.last

    def spoke(self, speaker: Speaker) -> None:
        if not speaker.name:
            return
        if speaker.kind == "group":
            self.group = speaker
            return
        self.last = speaker  # whoever a floating quotation goes on with
        if speaker.kind in ("organisation", "document"):
            self.body = speaker
        else:
            self.persons.append(speaker)  # a person, or a single name that may be one ("Davis")


def _resolve(view: View, found: list[_Found]) -> list[Statement]:
    text = view.text
    ctx = _Context()
    out: list[Statement] = []
    for f in found:
        if f.content[1] - f.content[0] < 2:
            continue
        speaker = _speaker(text, f, ctx)
        if speaker is None:
            continue
        ctx.spoke(speaker)
        out.append(_statement(view, f, speaker))
    return out


def _speaker(text: str, f: _Found, ctx: _Context) -> Speaker | None:
    if f.source is None:
        return ctx.last
    a, b = f.source
    words = text[a:b].strip()
    mention = TextSpan(text[a:b], a, b)
    feature = _PRONOUNS.get(words.lower())
    if feature is not None:
        ref = ctx.pronoun(feature)
        if ref is not None and feature in ("m", "f") and ref.kind == "person":
            ctx.genders.setdefault(ref.name, feature)  # "she said": she is a woman from now on
        if ref is None:
            return Speaker("", mention, "unknown")
        return Speaker(ref.name, mention, ref.kind, ref.role, ref.names)
    name, role = _split_title(words)
    kind = _kind(name)
    if kind == "person" or (kind == "unknown" and " " not in name):
        name = _canonical(name, ctx.people)
        kind = "person" if " " in name else kind
    if kind == "person":
        gender = _gender(words)
        if gender:
            ctx.genders.setdefault(name, gender)
    names = (name.split()[-1],) if kind == "person" and len(name.split()) > 1 else ()
    return Speaker(name, mention, kind, role, names)  # type: ignore[arg-type]


def _gender(words_: str) -> str | None:
    for w in re.findall(r"[A-Za-z.]+", words_.lower()):
        if w in _FEMALE:
            return "f"
        if w in _MALE:
            return "m"
    return None


_TITLE_WORDS = words(
    "secretary senator president minister governor mayor judge attorney district general chief executive "
    "officer director spokesman spokeswoman spokesperson chairman chairwoman commissioner ambassador "
    "representative rep. sen. gov. prime foreign defense state deputy vice former acting dr. prof. "
    "professor lieutenant colonel captain sergeant admiral"
)


def _split_title(words: str) -> tuple[str, str | None]:
    """ "Defense Secretary Lloyd Austin" -> ("Lloyd Austin", "Defense Secretary"); "X, the minister,";
    "the board's chairwoman, Helen Marsh" -> ("Helen Marsh", "the board's chairwoman")."""
    words = words.strip(" ,")
    if "," in words:
        name, _sep, role = words.partition(",")
        name, role = name.strip(), role.strip(" ,")
        if re.match(r"(?:which|who)\b", role):
            role = ""  # "The company, which employs 2,000 people,": an aside, not a title
        if not _all_capitalised(name) and _all_capitalised(role):
            name, role = role, name
        return re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I), role or None
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


def _all_capitalised(name: str) -> bool:
    parts = [p for p in name.split() if p.lower() not in ("de", "van", "von", "al", "bin")]
    return bool(parts) and all(p[:1].isupper() for p in parts)


def _canonical(name: str, people: dict[str, list[str]]) -> str:
    """ "Jhung" -> "Michael Jhung" when the fuller name came first."""
    surname = name.split()[-1]
    for full in people.get(surname, ()):
        if len(full) >= len(name):
            return full
    if " " in name:
        people.setdefault(surname, []).append(name)
    return name


def _statement(view: View, f: _Found, speaker: Speaker) -> Statement:
    text = view.text
    a, b = f.content
    kind = view.kind_of(a, b)
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
