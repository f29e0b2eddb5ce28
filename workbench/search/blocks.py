"""Whoosh W3 posting blocks written a whole term at a time, byte for byte as Whoosh's field writer writes them."""

from __future__ import annotations

import zlib
from array import array
from pickle import dumps

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.util.numlists import delta_encode

_TERMINFO = W3TermInfo._struct


def write_terms(fieldwriter, schema, terms, doc_lengths: dict[str, array]) -> None:
    """The W3 field writer's output for whole terms, a block at a time: the block buffers and statistics its
    postings writer would have gathered posting by posting are set at once, and its own code writes them."""
    lastfield = None
    postwriter = blocklimit = lengths = None
    position = None   # where the postings file stands (asking the file each time cost 4% of a rebuild)
    for fieldname, tbytes, docnums, weights, values in terms:
        if fieldname != lastfield:
            if lastfield is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            postwriter = fieldwriter._postwriter
            blocklimit = postwriter._blocklimit
            lengths = doc_lengths.get(fieldname)
            lastfield = fieldname
        count = len(docnums)
        if count <= blocklimit:
            if position is None:
                position = postwriter._postfile.tell()
            position = _write_one_block(fieldwriter, postwriter, tbytes, docnums, weights, values, lengths, position)
            continue
        position = None
        fieldwriter.start_term(tbytes)
        for start in range(0, count, blocklimit):
            end = min(count, start + blocklimit)
            block = postwriter._ids = docnums[start:end]
            postwriter._weights = array("f", weights[start:end])
            postwriter._maxweight = _top_weight(weights[start:end])
            postwriter._values = [] if values is None else distinct_objects(values[start:end])
            postwriter._minlength, postwriter._maxlength = _length_range(lengths, block)
            if end < count:   # Whoosh writes a full block when the next posting arrives; the last at finish
                postwriter._write_block()
        fieldwriter.finish_term()
    if lastfield is not None:
        fieldwriter.finish_field()


def distinct_objects(values: list[bytes]) -> list[bytes]:
    """The values as separate objects, as Whoosh makes them: a block is pickled, and one object twice would be
    written as a reference (a valid file, but not byte for byte Whoosh's). Empty values are not kept."""
    if len(set(map(id, values))) < len(values):
        values = [bytes(memoryview(v)) for v in values]
    return values if all(values) else [v for v in values if v]


def _top_weight(weights) -> float | int:
    top = max(weights)
    return top if top > 0 else 0   # the block's statistic starts at int 0, and is pickled as it is


def _length_range(lengths: array | None, docnums) -> tuple[int | None, int]:
    """(shortest, longest) field length among the documents, leaving out those without one."""
    if lengths is None:
        return None, 0
    known = len(lengths)
    found = [n for n in (lengths[d] if d < known else 0 for d in docnums) if n]
    return (min(found), max(found)) if found else (None, 0)


def _write_one_block(fieldwriter, postwriter, tbytes: bytes, docnums: array, weights: list[float],
                     values: list[bytes] | None, lengths: array | None, offset: int) -> int:
    """What start_term, add per posting, finish_term write for a term of one block (most terms have a single
    posting): W3PostingsWriter._write_block and W3TermInfo.to_bytes, done once for the term. ``offset`` is where
    the postings file stands; returns where it stands after."""
    floats = array("f", weights)
    maxweight = _top_weight(weights)
    minlength, maxlength = _length_range(lengths, docnums)
    fixed = fieldwriter._format.fixed_value_size()
    if fixed == 0:
        packed_values = None
    else:
        kept = [] if values is None else distinct_objects(values)
        packed_values = tuple(kept) if fixed is None or fixed < 0 else b"".join(kept)
    if all(w == 1.0 for w in floats):
        packed_weights = None
    elif all(w == floats[0] for w in floats):
        packed_weights = floats[0]
    else:
        packed_weights = tuple(floats)
    data = dumps((tuple(delta_encode(docnums)), packed_weights, packed_values), 2)
    comp = postwriter._compression
    if comp:
        data = zlib.compress(data, comp)
    info = dumps((len(docnums), docnums[-1], maxweight, comp, length_to_byte(minlength), length_to_byte(maxlength)),
                 2)
    block = WHOOSH3_HEADER_MAGIC + pack_int(-(len(info) + len(data))) + info + data
    postwriter._postfile.write(block)
    terminfo = _TERMINFO.pack(False, 0 + sum(floats), len(docnums),
                              0 if minlength is None else length_to_byte(minlength), length_to_byte(maxlength),
                              max(0, maxweight), docnums[0], docnums[-1])
    fieldwriter._tindex.add(pack_ushort(fieldwriter._fieldid) + tbytes,
                            terminfo + pack_long(offset) + pack_int(len(block)))
    return offset + len(block)
