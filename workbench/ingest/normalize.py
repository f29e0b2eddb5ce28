"""Unicode and whitespace normalisation of bodies, and the folded form used to spot duplicates."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# C0/C1 control characters except tab and newline; they are never part of an article.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff\u2028\u2029]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")

_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u2013": "-", "\u2212": "-",
})


def normalize_text(text: str) -> str:
    """NFC, unified line endings, no control characters, single spaces, at most one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    # Controls go before NFC: removing one can bring a letter and its accent together, and the result must
    # already be composed (normalize_text(normalize_text(x)) == normalize_text(x)).
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def fold_for_duplicates(text: str) -> str:
    """The text with quotes, dashes, case and all whitespace folded: two formats of one article agree."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    return re.sub(r"[\W_]+", "", text)


def body_hash(text: str) -> str:
    return hashlib.sha256(fold_for_duplicates(text).encode("utf-8")).hexdigest()
