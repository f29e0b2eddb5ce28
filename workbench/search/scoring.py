"""BM25F as Whoosh scores it, with each segment's field lengths read into memory once per searcher.

Whoosh looks a document's field length up through four calls and a file read for every scored posting: a seventh
of a search over a common word. The lengths are one byte per document in a column file, so a searcher reads each
field's column once and scores from a table; the scores are the same numbers.
"""

from __future__ import annotations

from whoosh.scoring import BM25F, BM25FScorer

from workbench.search.lengths import LENGTH_OF_BYTE, length_bytes


class TabledBM25F(BM25F):
    """Use one instance per searcher (it keeps the tables of that searcher's segments)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._tables: dict[tuple[int, str], tuple[object, bytes | None]] = {}

    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if type(scorer) is BM25FScorer:
            column = self.length_column(searcher.reader(), fieldname)
            if column is not None:
                raw, table = column
                count = len(raw)
                scorer.dfl = lambda docnum: table[raw[docnum]] if docnum < count else None
        return scorer

    def length_column(self, reader, fieldname: str) -> tuple[bytes, list] | None:
        """One segment's field lengths: a byte per document and the length each byte stands for; None to leave
        Whoosh's own lookup (another reader type, a field without lengths: Whoosh then returns the default)."""
        key = (id(reader), fieldname)
        entry = self._tables.get(key)
        if entry is None or entry[0] is not reader:
            entry = self._tables[key] = (reader, _length_bytes(reader, fieldname))
        raw = entry[1]
        return None if raw is None else (raw, LENGTH_OF_BYTE)


def _length_bytes(reader, fieldname: str) -> bytes | None:
    try:
        return length_bytes(reader._perdoc, fieldname)
    except AttributeError:  # not a single segment's reader of the codec we know
        return None
