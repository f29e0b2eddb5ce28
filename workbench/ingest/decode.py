"""Turning file bytes into text: BOMs, UTF-8, then charset-normalizer's best guess."""

from __future__ import annotations

from charset_normalizer import from_bytes

from workbench.domain.errors import ImportFailed


def decode_bytes(data: bytes) -> str:
    if not data.strip():
        raise ImportFailed("the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise ImportFailed("the file is binary, not text")
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise ImportFailed("the file is not readable text (no known encoding fits)")
    text = data.decode(best.encoding, errors="replace")
    if _looks_binary(text):
        raise ImportFailed("the file is binary, not text")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:5000]
    if not sample:
        return True
    odd = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t") or ch == "\ufffd")
    return odd / len(sample) > 0.05
