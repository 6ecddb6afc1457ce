"""Statements read from the token sequence alone, for a pack whose pipeline has no parser.

A language whose pack names no spaCy model (or a model without a dependency parser) still gets the
common wire-story shapes, with the pack's words: a quotation with an attribution after it
(« ... », dijo X / « ... », X dijo) or a colon lead-in before it (X dijo: « ... »); "X CUE que ..."
and "..., CUE X." for indirect speech; "según X"; a quotation standing alone right after a statement
continues its speaker; a pronoun goes to the last speaker of its gender and number. The parse-based
reader (``reader.py``) reads far more; this one is a floor, not a substitute.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsclaims.extract.quotes import Quote
from newsclaims.extract.statements.layout import DASHES, View
from newsclaims.extract.statements.lexicon import StatementLexicon, phrase_at
from newsclaims.records import Dropped, Speaker, SpeakerKind, Statement, StatementKind, TextSpan

VERSION = "1"
_STOPS = frozenset({".", ",", ";", ":", "!", "?", "…", "(", ")"})
_MAX_SOURCE = 8  # tokens: a source is a short phrase


@dataclass
class _Found:
    content: tuple[int, int]  # characters
    cue: tuple[int, int] | None
    source: tuple[int, int] | None  # tokens of the source phrase; None: the last speaker goes on
    unit: int
    rule: str


def read_surface(doc: Doc, lx: StatementLexicon, dropped: list[Dropped] | None = None) -> list[Statement]:
    view = View(doc, lx)
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for q in view.quotes:
        f = _quotation(view, q, found)
        if f is not None:
            found.append(f)
            taken.append((q.open, q.close))
        elif dropped is not None:
            dropped.append(Dropped("statement", q.inner(view.text), q.start, q.end, "quote", "no speaker beside it"))
    for ui in range(len(view.units)):
        for f in _clauses(view, ui):
            if not any(a < f.content[1] and f.content[0] < b for a, b in taken):
                found.append(f)
                taken.append(f.content)
    found.sort(key=lambda f: f.content[0])
    return _resolve(view, found, dropped)


# -- candidates -----------------------------------------------------------------------------------------


def _cue_at(view: View, i: int) -> bool:
    tok = view.doc[i]
    return view.lx.cue_for(tok.text, tok.lemma_) is not None


def _quotation(view: View, q: Quote, found: list[_Found]) -> _Found | None:
    doc, text = view.doc, view.text
    if len(q.inner(text).split()) < 3:
        return None  # a name, a title or a scare-quoted word
    unit = view.unit_of[view.token_at(q.open)]
    content = (q.start, q.end - 1 if text[q.end - 1] == "," else q.end)
    j = view.first_token_from(q.close)
    if j < len(doc) and doc[j].text == ",":
        j += 1
    if j < len(doc) and _cue_at(view, j):  # « ... », dijo X
        src = _source_after(view, j + 1)
        if src is not None:
            return _Found(content, _span(view, j, j + 1), src, unit, "quote-inverted")
    if j < len(doc):  # « ... », X dijo
        end = _phrase_end(view, j)
        if end < len(doc) and end > j and _cue_at(view, end):
            return _Found(content, _span(view, end, end + 1), (j, end), unit, "quote-after")
    k = view.first_token_from(q.open) - 1
    if k >= 1 and doc[k].text == ":" and _cue_at(view, k - 1):  # X dijo: « ... »
        src = _source_before(view, k - 1)
        if src is not None:
            return _Found(content, _span(view, k - 1, k), src, unit, "colon")
    if found and unit - found[-1].unit <= 2 and len(q.inner(text).split()) >= 6:
        return _Found(content, None, None, unit, "floating")
    return None


def _clauses(view: View, ui: int) -> list[_Found]:
    """Indirect speech in one sentence: "X CUE que ...", "..., CUE X.", "según X, ...", "..., según X."."""
    doc, lx = view.doc, view.lx
    unit = view.units[ui]
    for i in range(unit.start, unit.end):
        if view.quote_of[i] >= 0:
            continue
        according = phrase_at(doc, i, lx.according, unit.end)
        if according:
            return _according(view, ui, i, according)
        if not _cue_at(view, i):
            continue
        nxt = i + 1
        that = next((k for k in range(nxt, min(unit.end, nxt + 4)) if doc[k].lower_ in lx.fn.complementizers), None)
        if that is not None and not any(doc[k].text in _STOPS for k in range(nxt, that)):  # X dijo (el lunes) que
            nxt = that
            src = _source_before(view, i)
            content = _chars(view, nxt + 1, unit.end)
            if src is not None and content is not None:
                return [_Found(content, _span(view, i, i + 1), src, ui, "complement")]
        if i > unit.start and doc[i - 1].text == ",":  # ..., dijo X.
            src = _source_after(view, nxt)
            content = _chars(view, unit.start, i - 1)
            if src is not None and src[1] >= _last_word(view, unit.end) and content is not None:
                return [_Found(content, _span(view, i, i + 1), src, ui, "inverted")]
    return []


def _according(view: View, ui: int, i: int, length: int) -> list[_Found]:
    doc, unit = view.doc, view.units[ui]
    src = _source_after(view, i + length)
    if src is None:
        return []
    cue = _span(view, i, i + length)
    after = src[1]
    if i == unit.start and after < unit.end and doc[after].text == ",":
        content = _chars(view, after + 1, unit.end)
    elif i > unit.start and doc[i - 1].text == ",":
        content = _chars(view, unit.start, i - 1)
    else:
        content = None
    return [_Found(content, cue, src, ui, "according")] if content is not None else []


# -- extents ---------------------------------------------------------------------------------------------


def _phrase_end(view: View, j: int) -> int:
    """End of a source phrase starting at j: before punctuation, a cue, a complementizer or a quotation."""
    doc, lx = view.doc, view.lx
    k = j
    while k < len(doc) and k - j < _MAX_SOURCE:
        tok = doc[k]
        if tok.is_space or tok.text in _STOPS or tok.text in DASHES or view.quote_of[k] >= 0:
            break
        if tok.lower_ in lx.fn.complementizers or (k > j and _cue_at(view, k)):
            break
        k += 1
    return k


def _source_after(view: View, j: int) -> tuple[int, int] | None:
    doc = view.doc
    while j < len(doc) and doc[j].is_space:
        j += 1
    end = _phrase_end(view, j)
    if end <= j:
        return None
    # "dijo el ministro de Economía, Juan Pérez": a name in apposition names the speaker.
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].is_title:
        name_end = end + 1
        while name_end < len(doc) and doc[name_end].is_title:
            name_end += 1
        if name_end - (end + 1) >= 2:
            return j, name_end
    return j, end


def _source_before(view: View, cue: int) -> tuple[int, int] | None:
    """The phrase before a cue; with a description and a name set off by commas ("La ministra de
    Defensa, Ana López, afirmó"), both."""
    doc = view.doc
    unit = view.units[view.unit_of[cue]]
    end = cue - 1 if cue - 1 > unit.start and doc[cue - 1].text == "," else cue
    k = _back(view, end, unit.start)
    if k < end and end < cue and k - 1 > unit.start and doc[k - 1].text == ",":
        k = _back(view, k - 1, unit.start)  # the description before the name in apposition
    return (k, end) if k < end else None


def _back(view: View, end: int, lower: int) -> int:
    doc, lx = view.doc, view.lx
    k = end
    while k > lower and end - k < _MAX_SOURCE:
        tok = doc[k - 1]
        if tok.text in _STOPS or tok.text in DASHES or view.quote_of[k - 1] >= 0 or tok.lower_ in lx.fn.complementizers:
            break
        k -= 1
    return k


def _last_word(view: View, end: int) -> int:
    doc = view.doc
    while end > 0 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def _span(view: View, a: int, b: int) -> tuple[int, int]:
    doc = view.doc
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def _chars(view: View, a: int, b: int) -> tuple[int, int] | None:
    doc = view.doc
    while a < b and (doc[a].is_space or doc[a].text in _STOPS):
        a += 1
    while b > a and (doc[b - 1].is_space or doc[b - 1].text in _STOPS):
        b -= 1
    if b - a < 2:
        return None
    return _span(view, a, b)


# -- speakers --------------------------------------------------------------------------------------------


def _resolve(view: View, found: list[_Found], dropped: list[Dropped] | None) -> list[Statement]:
    out: list[Statement] = []
    speakers: list[tuple[Speaker, str | None, str]] = []  # (speaker, gender, number), latest last
    for f in found:
        speaker = _speaker(view, f, speakers)
        if speaker is None:
            if dropped is not None:
                a, b = f.content
                dropped.append(Dropped("statement", view.text[a:b], a, b, f.rule, "no source"))
            continue
        out.append(_statement(view, f, speaker))
    return out


def _speaker(view: View, f: _Found, speakers: list[tuple[Speaker, str | None, str]]) -> Speaker | None:
    doc, lx = view.doc, view.lx
    if f.source is None:
        return speakers[-1][0] if speakers else None
    a, b = f.source
    toks = [doc[k] for k in range(a, b)]
    mention = TextSpan(view.text[doc[a].idx : _span(view, a, b)[1]], doc[a].idx, _span(view, a, b)[1])
    if len(toks) == 1 and toks[0].lower_ in lx.pron.features:
        features = lx.pron.features[toks[0].lower_]
        for speaker, gender, number in reversed(speakers):
            person = speaker.kind in ("person", "group", "unknown")  # "él", "ella": people, not reports
            if person and number == features.number and (features.gender is None or gender in (None, features.gender)):
                return Speaker(speaker.name, mention, speaker.kind, speaker.role, speaker.names)
        return None
    name_toks = _name_run(toks)
    role_toks = [t for t in toks if t not in name_toks and t.text != ","]
    role = " ".join(t.text for t in _content(role_toks, lx)) or None
    kind = _kind(toks, name_toks, lx)
    name = " ".join(t.text for t in name_toks) if name_toks else (role or "")
    if not name:
        return None
    names = (name_toks[-1].text,) if kind == "person" and len(name_toks) > 1 else ()
    speaker = Speaker(name, mention, kind, role if name_toks else None, names)
    gender = (
        "f"
        if any(t.lower_ in lx.det.female for t in toks)
        else "m"
        if any(t.lower_ in lx.det.male for t in toks)
        else None
    )
    speakers.append((speaker, gender, "p" if any(t.lower_ in lx.det.plural for t in toks) else "s"))
    return speaker


def _name_run(toks: list[Token]) -> list[Token]:
    """The last run of capitalised words of the phrase (a sentence-initial word alone is no name)."""
    best: list[Token] = []
    run: list[Token] = []
    for t in toks:
        if t.is_title or (t.is_upper and len(t.text) > 1):
            run.append(t)
        else:
            if run:
                best = run
            run = []
    if run:
        best = run
    if len(best) == 1 and best[0].i == toks[0].i and best[0].is_sent_start and len(toks) > 1:
        return []
    return best


def _content(toks: list[Token], lx: StatementLexicon) -> list[Token]:
    determiners = lx.det.female | lx.det.male | lx.det.plural | lx.det.definite
    k = 0
    while k < len(toks) and toks[k].lower_ in determiners:
        k += 1
    return toks[k:]


def _kind(toks: list[Token], name_toks: list[Token], lx: StatementLexicon) -> SpeakerKind:
    words = {t.lower_ for t in toks}
    if words & lx.nouns.person:
        return "group" if words & lx.det.plural else "person"
    if words & lx.nouns.organisation:
        return "organisation"
    if words & lx.nouns.document:
        return "document"
    return "person" if len(name_toks) >= 2 else "unknown"


def _statement(view: View, f: _Found, speaker: Speaker) -> Statement:
    text = view.text
    a, b = f.content
    unit = view.units[f.unit]
    s0, s1 = min(unit.start_char, a), max(unit.end_char, b)
    kind: StatementKind = view.kind_of(a, b)  # type: ignore[assignment]
    return Statement(
        speaker=speaker,
        cue=TextSpan(text[f.cue[0] : f.cue[1]], f.cue[0], f.cue[1]) if f.cue else None,
        content=TextSpan(text[a:b], a, b),
        kind=kind,
        sentence=TextSpan(text[s0:s1], s0, s1),
        confidence=0.5,
        extractor="statements-surface",
        version=VERSION,
        rule=f.rule,
    )
