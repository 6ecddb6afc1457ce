"""Who said what: statements with their source, cue and reported content, offsets into ``doc.text``.

Every language goes through one reader (``reader.py``): cue verbs and their frames, quotations,
"selon X" / "according to X", pronoun and description resolution, read from the parse with the words
of the language's pack. A pack whose pipeline has no parser gets the surface reader (``surface.py``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsclaims.extract.context import Context
from newsclaims.extract.statements.lexicon import lexicon_for
from newsclaims.extract.statements.reader import read_statements
from newsclaims.extract.statements.surface import read_surface
from newsclaims.records import Dropped, Statement
from newsclaims.tokenizer import doc_text


def extract_statements(doc: Doc, ctx: Context, dropped: list[Dropped] | None = None) -> list[Statement]:
    """Statements of ``doc``, offsets into ``doc.text``; ``dropped`` collects the candidates set aside."""
    if not doc_text(doc).strip():
        return []
    pack = ctx.pack
    if not doc.has_annotation("DEP"):
        return read_surface(doc, lexicon_for(pack), dropped)  # a pack with no parser: surface shapes only
    return read_statements(doc, lexicon_for(pack), dropped)


__all__ = ["extract_statements"]
