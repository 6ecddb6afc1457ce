"""Attributions without a cue verb: "selon X" / "d'après X" / "pour X,", "X pour qui ...", colon
lead-ins ("X : « ... »"), dash bylines, and quotations that continue the last speaker."""

from __future__ import annotations

from spacy.tokens import Token

from newsclaims.extract.quotes import Quote
from newsclaims.extract.statements.cue_reader import CueReader
from newsclaims.extract.statements.drafts import Draft, SourceRef, SpanIndex
from newsclaims.extract.statements.layout import DASHES, View
from newsclaims.extract.statements.lexicon import phrase_at
from newsclaims.extract.statements.phrases import (
    extend_np,
    extend_np_left,
    is_name_token,
    starts_with_name,
    subject_np,
    with_apposition,
)
from newsclaims.extract.statements.referents import ReferentBuilder


class SourceReader:
    """Drafts for the attributions no cue verb carries, read after the cue verbs' drafts."""

    def __init__(self, view: View, reader: CueReader, builder: ReferentBuilder) -> None:
        self.view = view
        self.lx = view.lx
        self.doc = view.doc
        self.reader = reader
        self.builder = builder

    # -- "selon X", "d'après X", "pour X," ---------------------------------------------------------

    def prepositional(self) -> list[Draft]:
        doc, lx = self.doc, self.lx
        out: list[Draft] = []
        starts = lx.according.first | lx.opinion_relative.first | lx.sources.opinion | lx.sources.possessive_leads
        for i, low in enumerate(self.view.lowers):
            if low not in starts:
                continue  # most tokens start no phrase: their first word says so
            if low in lx.sources.possessive_leads and self._possessive_opinion(i):
                if self.view.inside_quote(i) is None:
                    out.extend(self._selon(i, i + 3, (SourceRef(pronoun=i + 1), i + 3)))
                continue
            according = phrase_at(doc, i, lx.according) if low in lx.according.first else 0
            if according:
                if self.view.inside_quote(i) is None:
                    out.extend(self._selon(i, i + according))
                continue
            relative = phrase_at(doc, i, lx.opinion_relative) if low in lx.opinion_relative.first else 0
            if relative:
                out.extend(self._pour_qui(i, relative))
            elif low in lx.sources.opinion and self._clause_initial(i):
                out.extend(self._pour(i))
        return out

    def _distributive(self, a: int, b: int) -> bool:
        """ "les différentes académies": a definite article, then a word of each one its own (not
        "selon diverses sources", which is "according to")."""
        doc, lx = self.doc, self.lx
        return any(
            doc[k].lower_ in lx.nouns.distributive and k > a and doc[k - 1].lower_ in lx.det.definite | lx.det.plural
            for k in range(a, b)
        )

    def _possessive_opinion(self, i: int) -> bool:
        """ "By his calculations,", "in her view,", "à son avis,": a preposition, a possessive and an
        opinion noun, then a comma."""
        doc, lx = self.doc, self.lx
        if i + 3 >= len(doc) or doc[i + 1].lower_ not in lx.det.possessive:
            return False
        return doc[i + 2].lower_ in lx.nouns.opinion and doc[i + 3].text == ","

    def _source_at(
        self, j: int, limit: int, kinds: tuple[str, ...] | None = None, slot: str = ""
    ) -> tuple[SourceRef, int] | None:
        """The source named at token j (a pronoun or a noun phrase) and the token after it."""
        doc = self.doc
        if j >= limit:
            return None
        if doc[j].lower_ in self.lx.pron.stressed:
            return SourceRef(pronoun=j), j + 1
        end = extend_np(self.view, j, limit)
        if end <= j:
            return None
        if doc[j].lower_ in self.lx.det.possessive and any(
            doc[k].lower_ in self.lx.nouns.information | self.lx.nouns.opinion for k in range(j + 1, end)
        ):
            # "selon ses propres sources", "according to its figures": whose sources they are speaks.
            return SourceRef(pronoun=j), end
        ref = self.builder.from_span(j, end, strict=True, slot=slot)
        if ref is None or (kinds and ref.kind not in kinds):
            return None
        # A name of unknown kind ("selon Reuters") is a source; an unknown common noun is not.
        if ref.kind == "unknown" and not any(is_name_token(doc[k]) for k in range(j, end)):
            return None
        return SourceRef(span=(j, end), slot=slot), end

    def _selon(self, i: int, np_at: int, found: tuple[SourceRef, int] | None = None) -> list[Draft]:
        """ "selon X, ...", "..., d'après X": the clause X is the source of; ``found``: the source
        and the token after it, when the caller read them ("by his calculations")."""
        view, doc = self.view, self.doc
        unit_i = view.unit_of[i]
        unit = view.units[unit_i]
        found = found or self._source_at(np_at, unit.end, slot="according")
        if found is None:
            return []
        if found[0].span and self._distributive(*found[0].span):
            return []  # "selon les différentes académies, ... entre 8 heures et 19 heures": depending on
        source, after = found
        if source.span:
            after = with_apposition(view, source.span[0], after, unit.end)
            source.span = (source.span[0], after)
        after = self._skip_apposition(self._skip_participle(after, unit.end), unit.end)
        cue = (doc[i].idx, doc[np_at - 1].idx + len(doc[np_at - 1].text))
        conf = 0.8
        rest = self._next_word(after, unit.end)
        if self._clause_initial(i):
            return self._after_source(rest, unit_i, cue, source, conf, "according")
        clause_start = self.reader.contents.clause_start(unit, i)
        before_end = self._trim_back(i)
        # "... selon un sondage, et beaucoup ont peur que ...": the source closes the clause before it.
        openers = self.lx.fn.clause_openers
        closes = rest < unit.end and (
            doc[rest].text in (",", ";")
            and rest + 1 < unit.end
            and doc[rest + 1].lower_ in openers
            or doc[rest].lower_ in openers
            and doc[rest - 1].text in (",", ";")
        )
        if rest >= unit.end or doc[rest].text in (".", "!", "?") or closes:
            return self._span_draft(clause_start, before_end, unit_i, cue, source, conf, "according-end")
        before = doc[before_end - 1] if before_end > clause_start else None
        if before is not None and before.lower_ in self.lx.fn.relative_before:
            return self._after_source(rest, unit_i, cue, source, conf, "according-mid")
        end = self.reader.contents.content_end(rest, unit)
        return self._span_draft(clause_start, end, unit_i, cue, source, conf * 0.9, "according-mid")

    def _pour(self, i: int) -> list[Draft]:
        """ "Pour B. Obama, avec un tel coach, ...": an opinion given to a person or body."""
        view, doc = self.view, self.doc
        unit_i = view.unit_of[i]
        unit = view.units[unit_i]
        found = self._source_at(i + 1, unit.end, kinds=("person", "organisation", "group", "country"))
        if found is None:
            return []
        source, after = found
        if source.span:
            after = with_apposition(view, source.span[0], after, unit.end)
            source.span = (source.span[0], after)
        named = self._named_apposition(after, unit.end)
        if named is not None:
            # "Pour la principale association du logiciel libre, l'April : « ... »": the name says who.
            source = SourceRef(span=named, slot=source.slot)
            after = named[1]
        after = self._skip_apposition(after, unit.end)
        if after >= unit.end or doc[after].text not in (",", ":"):
            return []
        cue = (doc[i].idx, doc[i].idx + len(doc[i].text))
        return self._after_source(self._next_word(after, unit.end), unit_i, cue, source, 0.7, "opinion")

    def _named_apposition(self, j: int, limit: int) -> tuple[int, int] | None:
        """ ", l'April :" after a description: the name in apposition, right before a colon."""
        doc = self.doc
        if j + 1 >= limit or doc[j].text != ",":
            return None
        end = extend_np(self.view, j + 1, limit)
        if end < limit and doc[end].text == ":" and end - j <= 6 and starts_with_name(self.view, j + 1):
            return j + 1, end
        return None

    def _pour_qui(self, i: int, length: int) -> list[Draft]:
        """ "le Medef pour qui seule une hausse ...": the noun before "pour qui" holds the opinion."""
        view, doc = self.view, self.doc
        if i == 0 or doc[i - 1].pos_ not in ("NOUN", "PROPN"):
            return []
        unit = view.units[view.unit_of[i]]
        a = extend_np_left(view, i, unit.start)
        ref = self.builder.from_span(a, i, strict=True)
        if ref is None or ref.kind in ("unknown", "document"):
            return []
        unit_i = view.unit_of[i]
        last = doc[i + length - 1]
        cue = (doc[i].idx, last.idx + len(last.text))
        return self._after_source(i + length, unit_i, cue, SourceRef(span=(a, i)), 0.7, "opinion-relative")

    # -- helpers -----------------------------------------------------------------------------------

    def _clause_initial(self, i: int) -> bool:
        """Whether token i opens its sentence, or follows only a conjunction or adverb ("Mais pour")."""
        view, doc = self.view, self.doc
        unit = view.units[view.unit_of[i]]
        k = i - 1
        while k >= unit.start:
            t = doc[k]
            if t.is_space or t.lower_ in self.lx.fn.clause_openers or t.text in DASHES or t.text in view.opening_marks:
                k -= 1
                continue
            return t.text in (":", ";", ".")
        return True

    def _skip_apposition(self, j: int, limit: int) -> int:
        """Past ", son secrétaire général" after a name, when a comma or colon follows it; a second
        name ("Selon l'AFP, le Conseil national syrien, ...") starts the reported words instead."""
        doc = self.doc
        if j < limit and doc[j].text in DASHES:
            # "Selon la direction — qui ne donne pas de date —, le réseau ...": an aside between dashes.
            close = next((k for k in range(j + 1, min(limit, j + 20)) if doc[k].text == doc[j].text), None)
            if close is not None:
                return close + 1
        if j < limit and doc[j].text == "," and j + 1 < limit and doc[j + 1].pos_ == "DET":
            end = extend_np(self.view, j + 1, limit)
            named = starts_with_name(self.view, j + 1)
            if end < limit and doc[end].text in (",", ":") and end - j <= 10 and not named:
                return end
        return j

    def _skip_participle(self, j: int, limit: int) -> int:
        """ "d'après une étude de l'Ademe publiée en mars, ...": the participle belongs to the source."""
        doc = self.doc
        if j >= limit or doc[j].morph.get("VerbForm", []) != ["Part"]:
            return j
        for k in range(j + 1, min(limit, j + 10)):
            if doc[k].text == ",":
                return k
            if doc[k].pos_ in ("VERB", "AUX") or self.view.quote_opening_at(k) is not None:
                break
        return j

    def _next_word(self, j: int, limit: int) -> int:
        doc = self.doc
        while j < limit and (doc[j].is_space or doc[j].text in (",", ":")):
            j += 1
        return j

    def _trim_back(self, i: int) -> int:
        doc = self.doc
        while i > 0 and (doc[i - 1].is_space or doc[i - 1].text in (",", "(")):
            i -= 1
        return i

    def _after_source(self, k: int, unit_i: int, cue, source: SourceRef, conf: float, rule: str) -> list[Draft]:
        view = self.view
        unit = view.units[unit_i]
        if k >= unit.end:
            return []
        if view.quote_opening_at(k) is not None:
            return self.reader.contents.quote_drafts(k, unit_i, cue, source, conf)
        end = self.reader.contents.content_end(k, unit)
        return self._span_draft(k, end, unit_i, cue, source, conf, rule)

    def _span_draft(self, a: int, b: int, unit_i: int, cue, source: SourceRef, conf: float, rule: str) -> list[Draft]:
        doc = self.doc
        while b > a and (doc[b - 1].is_space or doc[b - 1].text in (",", ".", ";", ":") or doc[b - 1].text in DASHES):
            b -= 1
        if b <= a:
            return []
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        if len(self.view.text[start:end].split()) < 2:
            return []
        return [Draft((start, end), cue, source, unit_i, conf, rule)]

    # -- signed paragraphs -------------------------------------------------------------------------

    def signed_paragraphs(self, drafts: list[Draft]) -> list[Draft]:
        """ "J'ai été agrippée de partout. [...] —Sonia Dridi, journaliste": a paragraph signed with a
        dash and a person's name at its end (a quotation set as a block, without marks) is what that
        person said."""
        view, doc = self.view, self.doc
        taken = {d.unit for d in drafts}
        out: list[Draft] = []
        by_para: dict[int, list[int]] = {}
        for ui, unit in enumerate(view.units):
            by_para.setdefault(unit.para, []).append(ui)
        for units in by_para.values():
            last = view.units[units[-1]]
            dash = next((k for k in range(last.end - 1, last.start - 1, -1) if doc[k].text in DASHES), None)
            if dash is None or any(ui in taken for ui in units) or not is_name_token(doc[dash + 1]):
                continue
            end = extend_np(view, dash + 1, last.end)
            role = range(end + 1, last.end)
            if end + 1 < last.end and doc[end].text == "," and len(role) <= 6 and all(doc[k].is_alpha for k in role):
                end = last.end  # "—Sonia Dridi, journaliste"
            first = view.units[units[0]].start
            name = [doc[k] for k in range(dash + 1, extend_np(view, dash + 1, last.end)) if is_name_token(doc[k])]
            person = self.lx.ent(doc[dash + 1]) == "PER" or len(name) >= 2
            if end < last.end or dash - first < 5 or not person:
                continue
            a, b = doc[first].idx, doc[dash - 1].idx + len(doc[dash - 1].text)
            out.append(Draft((a, b), None, SourceRef(span=(dash + 1, end), strict=True), units[0], 0.6, "signed"))
        return out

    # -- quotations nobody claimed -------------------------------------------------------------------

    def quotations(self, drafts: list[Draft]) -> list[Draft]:
        """Colon lead-ins, dash bylines and floating quotations, for quotes no cue has taken."""
        out: list[Draft] = []
        taken: SpanIndex[Draft] = SpanIndex()
        by_unit: dict[int, list[Draft]] = {}
        for d in drafts:
            taken.add(*d.content, d)
            by_unit.setdefault(d.unit, []).append(d)
        # Drafts by start, walked once as the quotations go on: the one that reports furthest.
        ordered = sorted(drafts, key=lambda d: d.start)
        seen = 0
        last: Draft | None = None
        for q in self.view.quotes:
            while seen < len(ordered) and ordered[seen].start < q.open:
                if last is None or ordered[seen].content[1] > last.content[1]:
                    last = ordered[seen]
                seen += 1
            if any(a < q.end and q.start < b for a, b in (d.content for d in taken.near(q.start, q.end))):
                continue
            draft = self._lead_in(q, by_unit) or self._byline(q) or self._read_in(q)
            draft = draft or self._introduced(q, by_unit) or self._floating(q, last)
            if draft is not None:
                out.append(draft)
                by_unit.setdefault(draft.unit, []).append(draft)
                # It starts inside this quotation, so before the next one opens.
                if last is None or draft.content[1] > last.content[1]:
                    last = draft
        return out

    def speechlike(self, q: Quote) -> bool:
        """Words someone said, not a name or a scare-quoted term: several words with a verb."""
        view, doc = self.view, self.doc
        words = self._quoted_words(q)
        if len(words) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in words):
            return False
        k = view.first_token_from(q.open) - 1
        return not (k >= 0 and doc[k].lower_ in self.lx.fn.title_cues)

    def _short_sentence(self, q: Quote, last: Draft | None) -> bool:
        """'"..." he said. "We are friends."': a whole short sentence quoted in the paragraph of the
        statement before it (a capital, a verb, a final stop), not a quoted term."""
        if last is None:
            return False
        view = self.view
        inner = view.text[q.start : q.end].strip()
        if not inner[:1].isupper() or inner[-1:] not in (".", "!", "?"):
            return False
        here = view.units[view.unit_of[view.token_at(q.open)]]
        if here.para != view.units[last.unit].para:
            return False
        words = self._quoted_words(q)
        return len(words) >= 2 and any(t.pos_ in ("VERB", "AUX") for t in words)

    def _quoted_words(self, q: Quote) -> list[Token]:
        """The tokens inside a quotation's marks, punctuation and spaces left out."""
        view, doc = self.view, self.doc
        first, end = view.first_token_from(q.start), view.first_token_from(q.end)
        return [doc[k] for k in range(first, end) if not doc[k].is_punct and not doc[k].is_space]

    def _prev(self, q: Quote) -> int:
        k = self.view.first_token_from(q.open) - 1
        while k >= 0 and self.doc[k].is_space:
            k -= 1
        return k

    def _lead_in(self, q: Quote, by_unit: dict[int, list[Draft]]) -> Draft | None:
        """ "X a précisé que ... : « ... »" (the same source) or "Le ministre : « ... »"."""
        view, doc = self.view, self.doc
        k = self._prev(q)
        if k < 0 or doc[k].text != ":":
            return None
        unit_i = view.unit_of[k]
        unit = view.units[unit_i]
        before = [d for d in by_unit.get(unit_i, ()) if d.start < q.open]
        if before:
            last = max(before, key=lambda d: d.start)
            return Draft((q.start, q.end), last.cue, SourceRef(like=last), unit_i, 0.8, "colon-after")
        if not self.speechlike(q):
            return None
        start = self.reader.contents.clause_start(unit, k)
        np_end = extend_np(view, start, k)
        if np_end + 1 < k and doc[np_end].text == "," and extend_np(view, np_end + 1, k) == k:
            np_end = k  # "Un témoin, commerçant du quartier : « ... »"
        if start < k and np_end == k and self._named_source(start, k):
            return Draft((q.start, q.end), None, SourceRef(span=(start, k), strict=True), unit_i, 0.7, "colon")
        subjects = self.lx.deps.subject
        subj = next((t for t in doc[start:k] if t.dep_ in subjects and t.head.i < k and t.pos_ != "PRON"), None)
        if subj is not None:
            span = subject_np(view, subj, subj.head.i)
            if self._named_source(*span):
                return Draft((q.start, q.end), None, SourceRef(span=span, strict=True), unit_i, 0.6, "colon-subject")
        return None

    def _named_source(self, a: int, b: int) -> bool:
        """A colon lead-in gives a quotation to a person or a named body, not to a topic
        ("Banques belges piratées : « ... »" is a headline, not a speaker)."""
        ref = self.builder.from_span(a, b, strict=True)
        if ref is None:
            return False
        named = any(is_name_token(self.doc[k]) for k in range(a, b))
        return ref.kind == "person" or (ref.kind in ("organisation", "document") and named)

    def _byline(self, q: Quote) -> Draft | None:
        """ "« ... » — Jean Dupont, maire de X."."""
        view, doc = self.view, self.doc
        j = view.first_token_from(q.close)
        while j < len(doc) and (doc[j].is_space or doc[j].text == ","):
            j += 1
        if j >= len(doc) or doc[j].text not in DASHES or j + 1 >= len(doc):
            return None
        end = extend_np(view, j + 1, len(doc))
        if end <= j + 1:
            return None
        end = with_apposition(view, j + 1, end, len(doc))
        unit_i = view.unit_of[j]
        return Draft((q.start, q.end), None, SourceRef(span=(j + 1, end), strict=True), unit_i, 0.6, "byline")

    def _read_in(self, q: Quote) -> Draft | None:
        """ "« ... », peut-on lire dans le communiqué": the document it was read in is the source."""
        view, doc = self.view, self.doc
        if self.lx.read_in is None:
            return None
        m = self.lx.read_in.match(view.text, q.close)
        if m is None:
            return None
        j = view.first_token_from(m.end())
        end = extend_np(view, j, len(doc))
        if end <= j:
            return None
        cue = (m.start("cue"), m.end("cue"))
        unit_i = view.unit_of[j]
        return Draft((q.start, q.end), cue, SourceRef(span=(j, end), strict=True), unit_i, 0.7, "read-in")

    def _introduced(self, q: Quote, by_unit: dict[int, list[Draft]]) -> Draft | None:
        """ "La députée Claire Martin était présente. « Nous ne lâcherons rien. »": a quotation standing
        as its own sentence right after a sentence that names a person as its subject and reports
        nothing: that person speaks."""
        view, doc = self.view, self.doc
        first = view.token_at(q.open)
        if doc[first].idx != q.open:
            return None  # the mark inside a token (text glued to it): not a quotation on its own
        unit_i = view.unit_of[first]
        unit = view.units[unit_i]
        if unit.start != first or unit_i == 0 or by_unit.get(unit_i - 1) or not self.speechlike(q):
            return None
        after = view.first_token_from(q.close)
        if any(not (doc[k].is_punct or doc[k].is_space) for k in range(after, unit.end)):
            return None  # words after the quotation: a cue or a clause of its own
        before = view.units[unit_i - 1]
        if unit.para - before.para > 1:
            return None
        root = next((t for t in doc[before.start : before.end] if t.dep_ == "ROOT"), None)
        subjects = self.lx.deps.subject | self.lx.deps.passive_subject
        subj = next((c for c in root.children if c.dep_ in subjects), None) if root is not None else None
        if subj is None or subj.pos_ not in ("PROPN", "NOUN") or view.inside_quote(subj.i) is not None:
            return None
        span = subject_np(view, subj, root.i if root is not None and root.i > subj.i else before.end)
        ref = self.builder.from_span(*span, strict=True)
        if ref is None or ref.kind != "person" or not any(is_name_token(doc[k]) for k in range(*span)):
            return None
        return Draft((q.start, q.end), None, SourceRef(span=span, strict=True), unit_i, 0.6, "introduced")

    def _floating(self, q: Quote, last: Draft | None) -> Draft | None:
        """A quotation standing alone right after a statement: the same source goes on."""
        view, doc = self.view, self.doc
        if not self.speechlike(q) and not self._short_sentence(q, last):
            return None
        k = self._prev(q)
        if k >= 0 and not (
            doc[k].text in (",", ".", "!", "?", "…", ";")
            or doc[k].text in ("»", "”")
            or doc[k].lower_ in self.lx.fn.floating_joiners
        ):
            first_of_unit = view.units[view.unit_of[view.token_at(q.open)]].start_char >= q.open
            if not first_of_unit:
                return None
        unit_i = view.unit_of[view.token_at(q.open)]
        if last is None:
            return None  # no statement before it: the draft before it reporting furthest
        last_unit = view.units[last.unit]
        here = view.units[unit_i]
        if here.para - last_unit.para > 1 or unit_i - last.unit > 4:
            return None
        return Draft((q.start, q.end), None, SourceRef(previous=True), unit_i, 0.6, "floating")
