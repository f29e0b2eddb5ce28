"""Decoding file bytes: UTF-8, BOMs, UTF-16 with and without BOM, legacy code pages, binary refused."""

import os
import random

import pytest

from workbench.domain.errors import ImportFailed
from workbench.ingest.decode import decode_bytes

TEXT = ("Caf\u00e9 owners in K\u00f8benhavn said the \u201cnew rules\u201d cost them \u20ac2,000 a month \u2014 "
        "na\u00efve estimates had said \u00a3500. " * 8)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
def test_text_encodings_decode_exactly(encoding):
    assert decode_bytes(TEXT.encode(encoding)) == TEXT


def test_latin1_text_decodes():
    text = "Der B\u00fcrgermeister sagte, die Stra\u00dfe werde im M\u00e4rz f\u00fcr 3 Wochen gesperrt. " * 6
    assert decode_bytes(text.encode("latin-1")) == text


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", b"\x00\x00\x00"])
def test_empty_files_fail(data):
    with pytest.raises(ImportFailed, match="empty"):
        decode_bytes(data)


def test_random_bytes_are_binary():
    data = random.Random(7).randbytes(5000)
    with pytest.raises(ImportFailed, match="the file is binary, not text"):
        decode_bytes(data)


def test_valid_utf8_full_of_control_characters_is_binary():
    rng = random.Random(3)
    data = bytes(rng.choice([*range(1, 9), 14, 15, 16, 27, *b"abcdef "]) for _ in range(4000))
    data.decode("utf-8")  # it is valid UTF-8 ...
    with pytest.raises(ImportFailed, match="binary"):
        decode_bytes(data)  # ... but not text


def test_os_random_bytes_never_pass_as_text():
    for _ in range(20):
        with pytest.raises(ImportFailed):
            decode_bytes(os.urandom(2048))
