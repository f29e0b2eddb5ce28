"""Whoosh's segment writer with the per-posting costs of a large rebuild taken out; the files it writes are the same.

Whoosh's writer makes a tuple per posting, sorts them all in a pool (pickling them one by one when it spills), looks
every posting's field length up at commit and writes a posting at a time; it runs a generator chain per field and
a Token object per word to make them. Here the postings of a document's fields are made in one pass
(`search.terms`), gathered term by term (`_TermPool`), and written a whole term at a time (`search.blocks`).
"""

from __future__ import annotations

import heapq
import pickle
from array import array
from collections.abc import Callable, Iterator
from functools import partial
from itertools import repeat
from operator import itemgetter

from whoosh.analysis import IDTokenizer, LowercaseFilter
from whoosh.formats import Existence, Frequency, Positions
from whoosh.system import pack_uint
from whoosh.util.numeric import length_to_byte
from whoosh.writing import PostingPool, SegmentWriter

from workbench.search.blocks import write_terms
from workbench.search.lengths import LENGTH_OF_BYTE, length_bytes
from workbench.search.schema import Day
from workbench.search.terms import Analysis, analysis_of, term_positions

RUN_CHUNK = 20_000   # postings pickled together in a spilled run
RUN_TERMS = 5_000    # whole terms pickled together in a spilled table
# Memory a gathered posting and term take (measured: 1.38 million postings of 1,000 generated articles took 106 MB
# with the writer's other buffers), so a table is spilled at about the writer's limit.
POSTING_BYTES = 64
TERM_BYTES = 200


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


class _TermPool(_ChunkedPool):
    """Postings of the writer's own documents, gathered term by term.

    Documents arrive in docnum order, so each term's postings are already sorted: nothing is sorted but the
    terms, and no tuple is made per posting. Over the size limit the table is spilled as a run of whole terms;
    runs are joined term by term at the end. Postings from merged segments go through the sorting pool above.
    """

    def __init__(self, tempstore, segment, limitmb=128, **kwargs):
        super().__init__(tempstore, segment, limitmb=limitmb, **kwargs)
        # field -> {term bytes: (docnums, weights, values or None)}
        self._terms: dict[str, dict[bytes, tuple]] = {}
        self._termsize = 0
        self._termruns: list[str] = []
        # field -> field length of each document as the segment's lengths column reads it back (0: none)
        self.doc_lengths: dict[str, array] = {}

    def add_field(self, fieldname: str, docnum: int, postings, length: int, with_values: bool) -> None:
        """One document's postings of one field: (term bytes, weight, value bytes) in any term order."""
        table = self._terms.get(fieldname)
        if table is None:
            table = self._terms[fieldname] = {}
            self.fieldnames.add(fieldname)
        size = 0
        for tbytes, weight, vbytes in postings:
            entry = table.get(tbytes)
            if entry is None:
                entry = table[tbytes] = (array("I"), [], [] if with_values else None)
                size += TERM_BYTES + len(tbytes)
            entry[0].append(docnum)
            entry[1].append(weight)
            if with_values:
                entry[2].append(vbytes)
            size += POSTING_BYTES
        if length:
            lengths = self.doc_lengths.get(fieldname)
            if lengths is None:
                lengths = self.doc_lengths[fieldname] = array("I")
            if len(lengths) < docnum:
                lengths.extend(repeat(0, docnum - len(lengths)))
            lengths.append(LENGTH_OF_BYTE[length_to_byte(length)])
        self._termsize += size
        if self._termsize > self.limit:
            self._spill_terms()

    def _sorted_terms(self) -> list[tuple]:
        return sorted((fieldname, tbytes, *entry) for fieldname, table in self._terms.items()
                      for tbytes, entry in table.items())

    def _spill_terms(self) -> None:
        path, f = self._new_run()
        entries = self._sorted_terms()
        for start in range(0, len(entries), RUN_TERMS):
            pickle.dump(entries[start:start + RUN_TERMS], f, pickle.HIGHEST_PROTOCOL)
        f.close()
        self._termruns.append(path)
        self._terms = {}
        self._termsize = 0

    def only_terms(self) -> bool:
        """True when every posting came through `add_field` (none from merged segments)."""
        return not self.current and not self.runs

    def iter_terms(self) -> Iterator[tuple]:
        """(field, term bytes, docnums, weights, values or None) in field and term order, each term whole."""
        runs = [self._read_run(path) for path in self._termruns]
        self._termruns = []
        merged = heapq.merge(*runs, self._sorted_terms(), key=itemgetter(0, 1))
        self._terms = {}
        last = None
        for entry in merged:
            if last is not None and last[:2] == entry[:2]:   # the same term in a later run: later documents
                last[2].extend(entry[2])
                last[3].extend(entry[3])
                if last[4] is not None:
                    last[4].extend(entry[4])
                continue
            if last is not None:
                yield last
            last = entry
        if last is not None:
            yield last

    def iter_postings(self):
        """Every posting as Whoosh's pool gives them: (field, term bytes, docnum, weight, value bytes)."""
        if self._terms or self._termruns:
            for fieldname, tbytes, docnums, weights, values in self.iter_terms():
                for i, docnum in enumerate(docnums):
                    # a copy of each value: see blocks.distinct_objects
                    value = b"" if values is None else bytes(memoryview(values[i]))
                    super().add((fieldname, tbytes, docnum, weights[i], value))
        return super().iter_postings()

    def cleanup(self):
        super().cleanup()
        for path in self._termruns:
            try:
                self._remove_run(path)
            except OSError:
                pass
        self._termruns = []


class FastWriter(SegmentWriter):
    """A SegmentWriter (same arguments) with the pool above and field lengths read from memory at commit."""

    def __init__(self, ix, limitmb: int = 128, **kwargs):
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = _TermPool(self._tempstorage, self.newsegment, limitmb=limitmb)
        self._postings = _fast_fields(self.schema)
        self._own_segments: list | None = None   # written by finish_own, committed by commit_with

    def add_document(self, **fields):
        """SegmentWriter.add_document, with the postings of plain text and id fields made here."""
        if self._postings is None:
            return super().add_document(**fields)
        self._check_state()
        perdocwriter, schema, docnum, pool = self.perdocwriter, self.schema, self.docnum, self.pool
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        added: list[tuple] = []
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
                    items = None if postings is None else postings(value)
                    if items is None:
                        items = field.index(value)
                    made = []
                    for tbytes, freq, weight, vbytes in items:
                        length += freq
                        # (x * 1.0 is x: the usual boost leaves the shared weight objects shared)
                        made.append((tbytes, weight if fieldboost == 1.0 else weight * fieldboost, vbytes))
                    if not field.scorable:
                        length = 0
                    added.append((fieldname, made, length, field.format.fixed_value_size() != 0))
                stored = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, stored if field.stored else None, length)
                if field.column_type and stored is not None:
                    perdocwriter.add_column_value(fieldname, field.column_type, field.to_column_value(stored))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        for fieldname, made, length, with_values in added:
            pool.add_field(fieldname, docnum, made, length, with_values)
        self._added = True
        self.docnum += 1

    def finish_own(self) -> None:
        """Write the documents added so far as a finished segment, to be committed by `commit_with` (a rebuild
        writes its own while a worker still writes the other)."""
        self._check_state()
        final = self._merge_segments(None, False, False)
        if self._added:
            final.append(self._finalize_segment())
        else:
            self._close_segment()
        self._own_segments = final

    def commit_with(self, segments: list) -> None:
        """Commit a fresh index with ``segments`` finished by other writers (with ``_lk=False``) beside ours."""
        if self._own_segments is None:
            self.finish_own()
        self._commit_toc(self._own_segments + list(segments))
        self._finish()

    def _flush_segment(self):
        if self._postings is None:
            return super()._flush_segment()
        self.perdocwriter.close()
        if self.pool.only_terms():
            write_terms(self.fieldwriter, self.schema, self.pool.iter_terms(), self.pool.doc_lengths)
        else:
            lengths = self.per_document_reader() if self.codec.length_stats else None
            _add_postings(self.fieldwriter, self.schema, lengths, self.pool.iter_postings())
            if lengths:
                lengths.close()
        self.fieldwriter.close()

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
    """{field: function(value) -> postings, or None for a value it does not take} for the fields whose postings we
    make as Whoosh would; None (Whoosh's own code throughout) when a field has spelling or vectors, which
    `FastWriter.add_document` leaves out."""
    out: dict[str, Callable] = {}
    for name, field in schema.items():
        if field.separate_spelling() or field.vector:
            return None
        if not field.indexed:
            continue
        if isinstance(field, Day):   # a few hundred distinct days: each one's terms are made once
            out[name] = partial(_remembered_postings, field, {})
            continue
        analyzer = getattr(field, "analyzer", None)
        if analyzer is None:
            continue
        analysis = analysis_of(analyzer)
        fmt = field.format
        if type(fmt) is Positions and analysis is not None:
            out[name] = partial(_positions_postings, analysis, fmt)
        elif type(fmt) is Frequency and analysis is not None:
            out[name] = partial(_frequency_postings, analysis, fmt)
        elif type(fmt) is Existence and _is_id_analyzer(analyzer):
            lower = type(analyzer) is not IDTokenizer
            out[name] = partial(_id_postings, fmt.field_boost, lower)
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
# thousand, so a rebuild meets the same lists over and over. A single position is its own key.
_ENCODED: dict[object, bytes] = {}
_ENCODED_KEPT = 100_000


def _positions_postings(analysis: Analysis, fmt: Positions, text):
    """[(term bytes, frequency, weight, encoded positions)] as Positions.word_values gives them (all boosts 1)."""
    if not isinstance(text, str):
        return None
    boost = fmt.field_boost
    encoded = _ENCODED
    weights: dict[int, float] = {}   # one float object per frequency, not one per posting held until the commit
    out = []
    for term, positions in term_positions(analysis, text).items():
        freq = len(positions)
        key = positions[0] if freq == 1 else tuple(positions)
        value = encoded.get(key)
        if value is None:
            if len(encoded) >= _ENCODED_KEPT:
                encoded.clear()
            value = encoded[key] = fmt.encode(positions)
        weight = weights.get(freq)
        if weight is None:
            weight = weights[freq] = float(freq) * boost
        out.append((term.encode("utf-8"), freq, weight, value))
    return out


def _frequency_postings(analysis: Analysis, fmt: Frequency, text):
    """As Frequency.word_values gives them: the weight is the count of the word (all boosts 1)."""
    if not isinstance(text, str):
        return None
    boost = fmt.field_boost
    return [(term.encode("utf-8"), len(positions), float(len(positions)) * boost, pack_uint(len(positions)))
            for term, positions in term_positions(analysis, text).items()]


def _remembered_postings(field, known: dict, value):
    """The field's own postings of ``value``, made once per distinct value."""
    key = (type(value), value)
    found = known.get(key)
    if found is None:
        found = known[key] = list(field.index(value))
    return found


def _is_id_analyzer(analyzer) -> bool:
    if type(analyzer) is IDTokenizer:
        return True
    items = getattr(analyzer, "items", None) or []
    return [type(item) for item in items] == [IDTokenizer, LowercaseFilter]


def _id_postings(boost: float, lower: bool, text):
    """The whole value as one term, as Existence.word_values gives it for an IDTokenizer."""
    if not isinstance(text, str):
        return None
    return ((text.lower() if lower else text).encode("utf-8"), 1, boost, b""),
