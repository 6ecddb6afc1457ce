"""Statements of one Doc: cue verbs first, then "selon X"-like sources, then quotations no cue took;
speakers are resolved last, in text order, so a pronoun or a floating quotation can lean on the
statements before it. The grammar is read from the parse; every word it knows comes from the pack."""

from __future__ import annotations

from spacy.tokens import Doc

from newsclaims.extract.statements.coreference import Resolver
from newsclaims.extract.statements.cue_reader import CueReader
from newsclaims.extract.statements.cues import find_cues
from newsclaims.extract.statements.drafts import Draft, SpanIndex
from newsclaims.extract.statements.layout import View
from newsclaims.extract.statements.lexicon import StatementLexicon
from newsclaims.extract.statements.names import NameBook
from newsclaims.extract.statements.referents import (
    Referent,
    ReferentBuilder,
    is_definite_description,
    span_text,
    to_speaker,
)
from newsclaims.extract.statements.sources import SourceReader
from newsclaims.records import Dropped, Speaker, Statement, TextSpan

VERSION = "1"


def read_statements(doc: Doc, lx: StatementLexicon, dropped: list[Dropped] | None = None) -> list[Statement]:
    """Statements of the Doc; with ``dropped``, the candidates set aside are added to it, with why."""
    view = View(doc, lx)
    cues = find_cues(view)
    reader = CueReader(view, cues)
    book = NameBook(view)
    builder = ReferentBuilder(view, book)
    drafts = _cue_drafts(view, reader, dropped)
    sources = SourceReader(view, reader, builder)
    drafts = _add(view, drafts, sources.prepositional(), dropped)
    drafts = _add(view, drafts, sources.quotations(drafts), dropped)
    drafts = _add(view, drafts, sources.signed_paragraphs(drafts), dropped)
    drafts.sort(key=lambda d: (d.start, d.content[0]))
    return _resolve(view, drafts, builder, Resolver(view, builder), dropped)


def _drop(view: View, dropped: list[Dropped] | None, span: tuple[int, int], rule: str, reason: str) -> None:
    if dropped is not None:
        a, b = span
        dropped.append(Dropped("statement", view.text[a:b], a, b, rule, reason))


def _cue_drafts(view: View, reader: CueReader, dropped: list[Dropped] | None = None) -> list[Draft]:
    drafts: list[Draft] = []
    contents: SpanIndex[Draft] = SpanIndex()  # what each live draft reports
    inverted: SpanIndex[Draft] = SpanIndex()  # inverted drafts, by where their cue starts
    dead: set[int] = set()
    for cue in reader.cues:
        pos = cue.verb.idx
        group = (view.doc[cue.group_start].idx, cue.verb.idx + len(cue.verb.text))
        if any(d.content[0] <= pos < d.content[1] and id(d) not in dead for d in contents.near(pos, pos)):
            # reported inside another statement: "il a dit que X avait annoncé ..."
            _drop(view, dropped, group, "cue", "a cue inside words another statement reports")
            continue
        found = reader.read(cue)
        if not found:
            _drop(view, dropped, group, "cue", "no source or no reported words found for this cue")
            continue
        reader.note(cue.verb.i, found[0])
        for new in found:
            # "X, indique une analyse, a annoncé Y": the outer cue reports the inner one's words.
            if new.rule == "inverted" and new.cue:
                a, b = new.content
                inner = [d for d in inverted.near(a, b) if id(d) not in dead and d.cue and a <= d.cue[0] < b]
                if inner:
                    new.content = inner[0].content
                    dead.update(id(d) for d in inner)
                    for d in inner:
                        _drop(view, dropped, d.content, d.rule, "its words are reported by the outer cue")
            drafts.append(new)
            contents.add(*new.content, new)
            if new.rule == "inverted" and new.cue:
                inverted.add(new.cue[0], new.cue[0], new)
    return [d for d in drafts if id(d) not in dead]


def _add(view: View, drafts: list[Draft], more: list[Draft], dropped: list[Dropped] | None) -> list[Draft]:
    out = list(drafts)
    index: SpanIndex[Draft] = SpanIndex()
    for d in out:
        index.add(*d.content, d)
    for d in more:
        if not any(d.overlaps(o) for o in index.near(*d.content)):
            out.append(d)
            index.add(*d.content, d)
        else:
            _drop(view, dropped, d.content, d.rule, "overlaps a statement a cue verb already gave")
    return out


# ---------------------------------------------------------------------------------------------
# Speakers, in text order


def _resolve(
    view: View, drafts: list[Draft], builder: ReferentBuilder, resolver: Resolver, dropped: list[Dropped] | None
) -> list[Statement]:
    out: list[Statement] = []
    for d in drafts:
        speaker, ref = _speaker(view, d, builder, resolver)
        if speaker is None:
            _drop(view, dropped, d.content, d.rule, "the source named is no source (a thing, a date) or unknown")
            continue
        mention = speaker.mention
        if d.cue is not None and mention is not None and mention.start <= d.content[0] < d.cue[0]:
            # The words begin with their own speaker and cue: "a tumor that statistics suggest will
            # kill him", a cue inside what it would report.
            _drop(view, dropped, d.content, d.rule, "the reported words hold their own speaker and cue")
            continue
        d.speaker, d.referent = speaker, ref
        if ref is not None:
            pos = speaker.mention.start if speaker.mention else d.start
            resolver.note(max(pos, d.start), d.unit, ref)
        out.append(_statement(view, d, speaker))
    return out


def _speaker(
    view: View, d: Draft, builder: ReferentBuilder, resolver: Resolver
) -> tuple[Speaker | None, Referent | None]:
    src = d.source
    if src.like is not None:
        return src.like.speaker, src.like.referent  # type: ignore[return-value]
    if src.previous:
        last = resolver.last_speaker(d.content[0])
        if last is None:
            return None, None
        return to_speaker(last.referent, None), last.referent
    if src.pronoun is not None:
        return _pronoun_speaker(view, src.pronoun, resolver, d.content)
    if src.span is not None:
        a, b = src.span
        ref = builder.from_span(a, b, strict=src.strict, slot=src.slot)
        if ref is None:
            return None, None
        tokens = [view.doc[k] for k in range(a, b) if not view.doc[k].is_space]
        if is_definite_description(ref, tokens, view.lx):
            ref = resolver.resolve_description(ref, tokens, view.doc[a].idx, d.unit, src.after_words)
        ref = resolver.merge(ref)
        return to_speaker(ref, _mention(view, a, b)), ref
    return None, None


def _pronoun_speaker(
    view: View, k: int, resolver: Resolver, content: tuple[int, int]
) -> tuple[Speaker | None, Referent | None]:
    tok = view.doc[k]
    pron = view.lx.pron
    low = tok.lower_.lstrip("-")
    for link in pron.inversion_links:
        low = low.removeprefix(link.lstrip("-") + "-")  # "-t-elle" -> "elle"
    features = pron.features.get(low.split("-")[0])
    gender, number = (features.gender, features.number) if features else (None, "s")
    ref = resolver.resolve_pronoun(tok, gender, number, features.kinds if features else frozenset(), content)
    # The mention is the pronoun itself, without the hyphen of "a-t-il".
    skip = len(tok.text) - len(tok.text.lstrip("-"))
    start = tok.idx + skip
    mention = TextSpan(view.text[start : tok.idx + len(tok.text)], start, tok.idx + len(tok.text))
    return to_speaker(ref, mention), ref


def _mention(view: View, a: int, b: int) -> TextSpan:
    doc = view.doc
    while a < b - 1 and doc[a].pos_ in ("DET", "ADP", "PUNCT"):
        a += 1
    while b > a + 1 and (doc[b - 1].is_space or doc[b - 1].pos_ == "PUNCT"):
        b -= 1
    opening = next((k for k in range(a, b) if doc[k].text == "("), None)
    if opening is not None and opening > a and not any(doc[k].text == ")" for k in range(opening, b)):
        b = opening  # "Lionel Tardy (UMP": an unclosed bracket is cut off
    return span_text(view, a, b)


# ---------------------------------------------------------------------------------------------
# Records


def _statement(view: View, d: Draft, speaker: Speaker) -> Statement:
    a, b = d.content
    text = view.text
    cue = TextSpan(text[d.cue[0] : d.cue[1]], d.cue[0], d.cue[1]) if d.cue else None
    lo = min(a, d.cue[0]) if d.cue else a
    hi = max(b, d.cue[1]) if d.cue else b
    if speaker.mention is not None:
        lo, hi = min(lo, speaker.mention.start), max(hi, speaker.mention.end)
    first = view.units[view.unit_of[view.token_at(lo)]]
    last = view.units[view.unit_of[view.token_at(max(lo, hi - 1))]]
    s0, s1 = min(first.start_char, lo), max(last.end_char, hi)
    return Statement(
        speaker=speaker,
        cue=cue,
        content=TextSpan(text[a:b], a, b),
        kind=view.kind_of(a, b),  # type: ignore[arg-type]
        sentence=TextSpan(text[s0:s1], s0, s1),
        confidence=d.confidence if speaker.name else d.confidence * 0.5,
        version=VERSION,
        rule=d.rule,
    )
