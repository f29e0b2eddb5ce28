"""Whoosh's segment writer with the per-posting costs of a large rebuild taken out; the files it writes are the same.

Measured on 1,000 generated articles (1.45 million postings): Whoosh's pool pickled each posting on its own when it
spilled to disk (a quarter of the rebuild), looked every posting's field length up through a file existence check
at commit, and ran a generator chain per field and a Token object per word to make the postings.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from functools import partial

from whoosh.analysis import IDTokenizer, LowercaseFilter
from whoosh.formats import Existence, Positions
from whoosh.writing import PostingPool, SegmentWriter

from workbench.search.lengths import LENGTH_OF_BYTE, length_bytes
from workbench.search.terms import Analysis, analysis_of, term_positions

RUN_CHUNK = 20_000   # postings pickled together in a spilled run


class _ChunkedPool(PostingPool):
    """Spills sorted runs as pickled lists of postings rather than one pickle per posting."""

    def add(self, item):
        # item = (fieldname, term bytes, docnum, weight, value bytes); PostingPool.add estimates the same size with
        # type assertions the field code already guarantees.
        self.fieldnames.add(item[0])
        self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def add_document(self, fieldnames: set[str], items: list[tuple]) -> None:
        """A document's postings at once (the pool is sorted before use, so where it spills does not matter)."""
        self.fieldnames |= fieldnames
        self.currentsize += sum(150 + len(f) + 2 * len(t) + len(v or b"") for f, t, _, _, v in items)
        if self.currentsize > self.limit:
            self.save()
        self.current += items

    def _write_run(self, f, items):
        chunk = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= RUN_CHUNK:
                pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
                chunk = []
        if chunk:
            pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
        f.close()

    def _read_run(self, path):
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)


class FastWriter(SegmentWriter):
    """A SegmentWriter (same arguments) with the pool above and field lengths read from memory at commit."""

    def __init__(self, ix, limitmb: int = 128, **kwargs):
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = _ChunkedPool(self._tempstorage, self.newsegment, limitmb=limitmb)
        self._postings = _fast_fields(self.schema)

    def add_document(self, **fields):
        """SegmentWriter.add_document, with the postings of plain text and id fields made here."""
        if self._postings is None:
            return super().add_document(**fields)
        self._check_state()
        perdocwriter, schema, docnum = self.perdocwriter, self.schema, self.docnum
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        posted: list[tuple] = []
        indexed: set[str] = set()
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    fieldboost = self._field_boost(fields, fieldname, docboost)
                    postings = self._postings.get(fieldname)
                    if postings is not None and isinstance(value, str):
                        items = postings(field.format, value)
                    else:
                        items = field.index(value)
                    for tbytes, freq, weight, vbytes in items:
                        if field.scorable:
                            length += freq
                        posted.append((fieldname, tbytes, docnum, weight * fieldboost, vbytes))
                    indexed.add(fieldname)
                stored = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, stored if field.stored else None, length)
                if field.column_type and stored is not None:
                    perdocwriter.add_column_value(fieldname, field.column_type, field.to_column_value(stored))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self.pool.add_document(indexed, posted)
        self._added = True
        self.docnum += 1

    def commit_with(self, segments: list) -> None:
        """Commit a fresh index with ``segments`` finished by other writers (with ``_lk=False``) beside ours."""
        self._check_state()
        final = self._merge_segments(None, False, False)
        if self._added:
            final.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(final + list(segments))
        self._finish()

    def _flush_segment(self):
        if self._postings is None:
            return super()._flush_segment()
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        _add_postings(self.fieldwriter, self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        if lengths:
            lengths.close()

    def per_document_reader(self):
        reader = super().per_document_reader()
        # Only read while the new segment is flushed: its files do not change meanwhile, so each field's lengths
        # column is read once instead of once per posting.
        columns: dict[str, bytes | None] = {}

        def doc_field_length(docnum: int, fieldname: str, default: int = 0):
            if fieldname not in columns:
                columns[fieldname] = length_bytes(reader, fieldname)
            lengths = columns[fieldname]
            if lengths is None:
                return default
            return LENGTH_OF_BYTE[lengths[docnum]] if docnum < len(lengths) else None

        reader.doc_field_length = doc_field_length
        return reader


def _fast_fields(schema) -> dict[str, Callable] | None:
    """{field: function(format, text) -> postings} for the fields whose postings we make as Whoosh would; None
    (Whoosh's own code throughout) when a field has spelling or vectors, which `FastWriter.add_document` leaves
    out."""
    out: dict[str, Callable] = {}
    for name, field in schema.items():
        if field.separate_spelling() or field.vector:
            return None
        analyzer = getattr(field, "analyzer", None)
        if not field.indexed or analyzer is None:
            continue
        analysis = analysis_of(analyzer)
        if type(field.format) is Positions and analysis is not None:
            out[name] = partial(_positions_postings, analysis)
        elif type(field.format) is Existence and _is_id_analyzer(analyzer):
            out[name] = _id_postings if type(analyzer) is IDTokenizer else _lowercase_id_postings
    return out


def _add_postings(fieldwriter, schema, lengths, items) -> None:
    """FieldWriter.add_postings for a pool of our own: sorted, and without spelling words."""
    dfl = lengths.doc_field_length if lengths else (lambda docnum, fieldname: 0)
    lastfield = lastterm = None
    for fieldname, tbytes, docnum, weight, vbytes in items:
        if fieldname != lastfield:
            if lastterm is not None:
                fieldwriter.finish_term()
            if lastfield is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            lastfield, lastterm = fieldname, None
        if tbytes != lastterm:
            if lastterm is not None:
                fieldwriter.finish_term()
            fieldwriter.start_term(tbytes)
            lastterm = tbytes
        fieldwriter.add(docnum, weight, b"" if vbytes is None else vbytes, dfl(docnum, fieldname))
    if lastterm is not None:
        fieldwriter.finish_term()
    if lastfield is not None:
        fieldwriter.finish_field()


# Encoded position lists (Positions.encode pickles each one): most postings are one position among a few
# thousand, so a rebuild meets the same lists over and over.
_ENCODED: dict[tuple[int, ...], bytes] = {}
_ENCODED_KEPT = 100_000


def _positions_postings(analysis: Analysis, fmt: Positions, text: str):
    """(term bytes, frequency, weight, encoded positions) as Positions.word_values gives them (all boosts 1)."""
    boost = fmt.field_boost
    encoded = _ENCODED
    for term, positions in term_positions(analysis, text).items():
        key = tuple(positions)
        value = encoded.get(key)
        if value is None:
            if len(encoded) >= _ENCODED_KEPT:
                encoded.clear()
            value = encoded[key] = fmt.encode(positions)
        # A copy: posting blocks are pickled, and a shared object would be pickled as a reference (a valid file,
        # but not byte for byte Whoosh's).
        yield term.encode("utf-8"), len(positions), float(len(positions)) * boost, bytes(memoryview(value))


def _is_id_analyzer(analyzer) -> bool:
    if type(analyzer) is IDTokenizer:
        return True
    items = getattr(analyzer, "items", None) or []
    return [type(item) for item in items] == [IDTokenizer, LowercaseFilter]


def _id_postings(fmt: Existence, text: str):
    """The whole value as one term, as Existence.word_values gives it for an IDTokenizer."""
    return ((text.encode("utf-8"), 1, fmt.field_boost, b""),)


def _lowercase_id_postings(fmt: Existence, text: str):
    return ((text.lower().encode("utf-8"), 1, fmt.field_boost, b""),)
