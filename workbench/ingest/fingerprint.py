"""Near-duplicate fingerprints: hashed word shingles, a content-defined sample of them, and their overlap.

Two copies of one article (say a Markdown file and a saved page of it) fold to the same text apart from a few
lines an extractor kept or dropped. Word shingles survive that; sampling the shingles whose hash is 0 modulo
SAMPLE_MOD keeps the same sample from every copy of a passage, so a stored, indexed sample finds candidates
without comparing all pairs, and the full shingle sets then decide.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

SHINGLE_WORDS = 5
SAMPLE_MOD = 8
# Both copies must share this much of the smaller one's shingles, and the larger may add little.
MIN_CONTAINMENT = 0.85
MIN_RESEMBLANCE = 0.6

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).translate(_FOLD).casefold())


def shingles(text: str) -> set[int]:
    """Signed 64-bit hashes of every run of SHINGLE_WORDS words (fewer words: the whole text)."""
    tokens = words(text)
    if not tokens:
        return set()
    width = min(SHINGLE_WORDS, len(tokens))
    # Each shingle's 8-byte blake2b digest as a signed int, written inline: a function call per shingle cost a third.
    # The words are encoded once (joining their UTF-8 with b" " gives the bytes of the joined text).
    blake2b, from_bytes = hashlib.blake2b, int.from_bytes
    encoded = [token.encode("utf-8") for token in tokens]
    return {from_bytes(blake2b(b" ".join(encoded[i:i + width]), digest_size=8).digest(), "big", signed=True)
            for i in range(len(tokens) - width + 1)}


def sample(hashes: set[int]) -> list[int]:
    """The content-defined sample stored for lookup; never empty for a non-empty text."""
    picked = sorted(h for h in hashes if h % SAMPLE_MOD == 0)
    return picked or sorted(hashes)[:4]


def overlap(a: set[int], b: set[int]) -> tuple[float, float]:
    """(containment of the smaller in the larger, Jaccard resemblance)."""
    if not a or not b:
        return 0.0, 0.0
    common = len(a & b)
    return common / min(len(a), len(b)), common / len(a | b)


def is_near_duplicate(a: set[int], b: set[int]) -> bool:
    containment, resemblance = overlap(a, b)
    return containment >= MIN_CONTAINMENT and resemblance >= MIN_RESEMBLANCE

