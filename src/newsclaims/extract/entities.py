"""Named entities with the canonical name they resolve to inside the article.

A short mention ("Blinken") resolves to the longest earlier or later mention of the same label
whose words end with it ("Antony Blinken"); everything else is its own canonical form.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsclaims.extract.context import Context
from newsclaims.gazetteer import canonical_entity
from newsclaims.records import Dropped, Entity
from newsclaims.text import fullest_name

VERSION = "2"


def canonical_names(names: list[str]) -> dict[str, str]:
    """Map each name to the fullest name of the list that ends like it, word-wise."""
    return {name: fullest_name(name, names) for name in names}


def extract_entities(doc: Doc, ctx: Context, dropped: list[Dropped] | None = None) -> list[Entity]:
    """Named entities of ``doc`` (nothing is dropped: ``dropped`` is there for the components' shape)."""
    # The model's labels by class, from the pack: "PERSON" in spaCy's English models is "PER" here.
    classes = {label: cls for cls, labels in ctx.pack.meta.entity_labels.items() for label in labels}
    ents = [e for e in doc.ents if e.label_ in classes and e.text.strip()]
    canon_by_label: dict[str, dict[str, str]] = {}
    for label in {classes[e.label_] for e in ents}:
        names = sorted({e.text for e in ents if classes[e.label_] == label})
        # Only people are named by a part of their name ("Blinken"); "Koursk" is not "région de Koursk".
        # Institutions and states take their canonical name ("le Pentagone" -> US Department of Defense).
        if label == "PER":
            canon_by_label[label] = canonical_names(names)
        else:
            canon_by_label[label] = {n: canonical_entity(n) or n for n in names}
    return [
        Entity(
            text=e.text,
            start=e.start_char,
            end=e.end_char,
            label=classes[e.label_],
            canonical=canon_by_label[classes[e.label_]][e.text],
            version=VERSION,
        )
        for e in ents
    ]
