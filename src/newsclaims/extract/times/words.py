"""Word lists written as one string each, so that long lists stay readable."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The set of the whitespace-separated words of ``text``."""
    return frozenset(text.split())


def word_list(text: str) -> list[str]:
    """The whitespace-separated words of ``text``, in order."""
    return text.split()
