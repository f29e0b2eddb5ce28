"""The words of a sentence as sets, computed once and shared by the parsers to skip patterns that cannot match."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=512)
def cased_words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text))


@lru_cache(maxsize=512)
def lower_words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))
