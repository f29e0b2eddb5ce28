"""A segment's stored field lengths read in one go: Whoosh reads them a document at a time."""

from __future__ import annotations

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

# What W3PerDocReader.doc_field_length returns for each stored length byte (0: no length, None).
LENGTH_OF_BYTE = [None] + [byte_to_length(b) for b in range(1, 256)]


def length_bytes(perdoc, fieldname: str) -> bytes | None:
    """One byte per document (beyond its end: none stored) of a W3 per-document reader, or None when the field
    keeps no lengths. Raises AttributeError for readers of another codec."""
    name = _lenfield(fieldname)
    if not perdoc.has_column(name):
        return None
    column = perdoc.column_reader(name, LENGTHS_COLUMN)
    return column._dbfile.get(column._basepos, column._count)
