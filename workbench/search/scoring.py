"""BM25F as Whoosh scores it, with each segment's field lengths read into memory once per searcher.

Whoosh looks a document's field length up through four calls and a file read for every scored posting: a seventh
of a search over a common word. The lengths are one byte per document in a column file, so a searcher reads each
field's column once and scores from a table; the scores are the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable

from whoosh.scoring import BM25F, BM25FScorer

from workbench.search.lengths import LENGTH_OF_BYTE, length_bytes


class TabledBM25F(BM25F):
    """Use one instance per searcher (it keeps the tables of that searcher's segments)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._tables: dict[tuple[int, str], tuple[object, Callable[[int], int | None] | None]] = {}

    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if type(scorer) is BM25FScorer:
            dfl = self._lengths(searcher.reader(), fieldname)
            if dfl is not None:
                scorer.dfl = dfl
        return scorer

    def _lengths(self, reader, fieldname: str) -> Callable[[int], int | None] | None:
        key = (id(reader), fieldname)
        entry = self._tables.get(key)
        if entry is None or entry[0] is not reader:
            entry = self._tables[key] = (reader, _length_table(reader, fieldname))
        return entry[1]


def _length_table(reader, fieldname: str) -> Callable[[int], int | None] | None:
    """The field-length function of one segment's reader, or None to leave Whoosh's own (another reader type,
    a field without lengths: Whoosh then returns the default)."""
    try:
        raw = length_bytes(reader._perdoc, fieldname)
    except AttributeError:  # not a single segment's reader of the codec we know
        return None
    if raw is None:
        return None
    table, count = LENGTH_OF_BYTE, len(raw)
    return lambda docnum: table[raw[docnum]] if docnum < count else None
