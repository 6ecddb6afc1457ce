"""Links between items of one article: a figure reported inside a statement carries its source."""

from __future__ import annotations

from dataclasses import replace

from newsclaims.records import Figure, Statement


def link_figures_to_statements(figures: list[Figure], statements: list[Statement]) -> list[Figure]:
    """Each figure whose span lies inside a statement's content gets that statement's index."""
    out = []
    for fig in figures:
        index = next(
            (i for i, s in enumerate(statements) if s.content.start <= fig.start and fig.end <= s.content.end),
            None,
        )
        out.append(replace(fig, statement=index) if index is not None else fig)
    return out
