"""Turning file bytes into text: BOMs, UTF-8, UTF-16 without BOM, then charset-normalizer's best guess."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from workbench.domain.errors import ImportFailed

_BINARY = "the file is binary, not text"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes) -> str:
    """The text of a file; ImportFailed when it is empty or binary."""
    if not data.strip(b" \t\r\n\x00\x0b\x0c"):
        raise ImportFailed("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data[len(bom):].decode(encoding, errors="replace"))
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(utf16)
    if b"\x00" in data[:4096]:
        raise ImportFailed(_BINARY)
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise ImportFailed(_BINARY)
    return _checked(data.decode(best.encoding, errors="replace"))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text written without a BOM shows NUL bytes in every other position."""
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    encoding = "utf-16-le" if odd_nul > 0.6 and even_nul < 0.1 else "utf-16-be" if even_nul > 0.6 and odd_nul < 0.1 \
        else None
    if encoding is None:
        return None
    try:
        return data[: len(data) - len(data) % 2].decode(encoding)
    except UnicodeDecodeError:
        return None


def _checked(text: str) -> str:
    if looks_binary(text):
        raise ImportFailed(_BINARY)
    if not text.strip():
        raise ImportFailed("the file is empty")
    return text


# Control characters other than \t \n \f \r, C1 controls, U+FFFD, private use and lone surrogates.
_ODD_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff]")


def looks_binary(text: str) -> bool:
    """Control characters, replacement marks or unassigned code points in more than 2% of a sample."""
    sample = text[:20_000]
    if not sample:
        return False
    odd = len(_ODD_CHARACTERS.findall(sample))
    return odd > max(2, 0.02 * len(sample))
