"""Figures: counts, money, percentages and measures, with qualifier, unit or currency, and the thing counted."""

from newsclaims.extract.figures.extractor import extract_figures

__all__ = ["extract_figures"]
