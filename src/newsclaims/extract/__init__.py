"""Extractors: pure functions of a spaCy Doc and its context, no I/O, no state between calls."""
