"""The fast index writer writes the very files Whoosh's own writer writes, spilled to disk or not."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
import whoosh.index
from whoosh.analysis import StemmingAnalyzer

from workbench.search.schema import PLAIN, STEMMED, build_schema
from workbench.search.terms import _findall, analysis_of, term_positions
from workbench.search.writer import FastWriter

TEXTS = [
    "The harbour bridge at Marlow Bay was closed on Monday; the bridge's main span had cracks.",
    "About 40,000 vehicles (29,000 on weekdays) use it — the 4.5% rise was \"not expected\", said the office.",
    "It is what it is: and the of to a an the. Nothing but stop words... and then TESTING, testing, tested.",
    "Ünïcödé names: Zoë Ørsted, São Paulo, İstanbul, straße, ﬁnance, 東京, e-mail, o'clock, U.S. 3.14.15 a*b",
    "",
    "   ",
    "x",
]


def _whoosh_positions(analyzer, text: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for token in analyzer(text, positions=True, mode="index"):
        if not token.stopped:
            out.setdefault(token.text, []).append(token.pos)
    return out


@pytest.mark.parametrize("analyzer", [STEMMED, PLAIN], ids=["stemmed", "plain"])
@pytest.mark.parametrize("text", TEXTS)
def test_term_positions_match_the_analyser(analyzer, text):
    assert term_positions(analysis_of(analyzer), text) == _whoosh_positions(analyzer, text)


@pytest.mark.parametrize("pattern", [r"[\w\*]+(\.?[\w\*]+)*", r"[(]+(x)", r"[]()]+(a|b)", r"\((\w+)\)", r"(\d+)(?:,(\d+))?"])
def test_word_patterns_find_the_same_words_without_groups(pattern):
    import re

    text = "(x)(a) [b] ((xx)) U.S. 3.14.15 a*b 40,000 (word) é-mail"
    words = _findall(re.compile(pattern))
    assert words is not None
    assert words(text) == [match.group(0) for match in re.finditer(pattern, text)]


def test_other_analysers_are_left_to_whoosh():
    assert analysis_of(StemmingAnalyzer(stoplist=None)) is not None
    assert analysis_of(build_schema()["kind"].analyzer) is None


def _documents() -> list[dict]:
    docs = []
    for i in range(200):   # over 128 documents share some terms: postings of several blocks
        text = TEXTS[i % len(TEXTS)] + f" Story {i} of the series, figure {i * 37}."
        docs.append({"key": f"claim:{i}", "type": "claim", "id": str(i), "source_id": str(i // 5),
                     "text": text, "kind": "numeric" if i % 3 else "Quote", "entities": "Marlow Bay | Zoë Ørsted",
                     "numbers": f"{i} {i * 37}", "status": "unreviewed", "rating": "" if i % 4 else "false",
                     "outlet": "Coastline Courier", "digest": f"d{i}", "published": datetime(2025, 3, 1 + i % 9)})
        if i % 5 == 0:
            docs.append({"key": f"source:{i // 5}", "type": "source", "id": str(i // 5), "source_id": str(i // 5),
                         "title": f"Bridge story {i}", "body": " ".join(TEXTS) * 3, "author": "Ines Varga",
                         "outlet": "Northern Ledger", "digest": f"s{i}", "published": datetime(2025, 3, 1 + i % 4)})
    return docs


def _build(folder: Path, writer_class, spill: bool) -> dict[str, list[str]]:
    folder.mkdir()
    ix = whoosh.index.create_in(str(folder), build_schema())
    writer = writer_class(ix, limitmb=16, compound=False)
    if spill:
        writer.pool.limit = 4000  # a few postings per run: exercises spilling and merging the runs
    for doc in _documents():
        writer.add_document(**doc)
    writer.commit()
    ix.close()
    files: dict[str, list[str]] = {}
    for path in folder.iterdir():
        if path.suffix in (".toc", "") or "LOCK" in path.name:
            continue  # the TOC names the segment, which is random
        files.setdefault(path.suffix, []).append(hashlib.sha256(path.read_bytes()).hexdigest())
    return {suffix: sorted(digests) for suffix, digests in files.items()}


@pytest.mark.parametrize("spill", [False, True], ids=["in-memory", "spilled"])
def test_fast_writer_writes_the_same_files_as_whoosh(tmp_path, spill):
    from whoosh.writing import SegmentWriter

    assert _build(tmp_path / "fast", FastWriter, spill) == _build(tmp_path / "whoosh", SegmentWriter, spill)


def _postings(folder: Path) -> dict:
    ix = whoosh.index.open_dir(str(folder))
    with ix.reader() as reader:
        out = {}
        for fieldname, text in reader.all_terms():
            matcher = reader.postings(fieldname, text)
            postings = []
            while matcher.is_active():
                fields = reader.stored_fields(matcher.id())
                postings.append((fields["type"], fields["id"], matcher.weight(), matcher.value()))
                matcher.next()
            out[(fieldname, text)] = sorted(postings)
        stored = sorted(tuple(sorted(fields.items())) for fields in reader.all_stored_fields())
    ix.close()
    return {"postings": out, "stored": stored}


@pytest.mark.parametrize("optimize", [False, True], ids=["merge-small", "merge-all"])
def test_fast_writer_updates_and_merges_as_whoosh_does(tmp_path, optimize):
    import shutil

    from whoosh.writing import SegmentWriter

    docs = _documents()
    results = {}
    for name, writer_class in (("fast", FastWriter), ("whoosh", SegmentWriter)):
        folder = tmp_path / name
        folder.mkdir()
        ix = whoosh.index.create_in(str(folder), build_schema())
        for batch in (docs[:30], docs[30:50]):  # two segments to merge later
            writer = SegmentWriter(ix, limitmb=16, compound=False)
            for doc in batch:
                writer.add_document(**doc)
            writer.commit(merge=False)
        writer = writer_class(ix, limitmb=16, compound=False)
        writer.delete_by_term("key", "claim:3")
        for doc in docs[50:]:
            writer.update_document(**{**doc, "status": "verified"})
        writer.update_document(**{**docs[7], "text": "A rewritten claim about the ferry."})
        writer.commit(optimize=optimize)
        ix.close()
        results[name] = _postings(folder)
        shutil.rmtree(folder)
    assert results["fast"] == results["whoosh"]
    assert ("status", b"verified") in results["fast"]["postings"]
