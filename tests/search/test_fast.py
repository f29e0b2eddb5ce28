"""The block scorer gives Whoosh's scores: exactly for words and phrases, and for combinations the scores its
definitions give from Whoosh's own per-word scores (best field: the maximum; OR group: the sum with the bonus for
further words; AND: the sum; AND NOT: the first part's score), over two segments with deleted documents."""

from __future__ import annotations

import random

import pytest
import whoosh.index
from whoosh.query import And, AndNot, Every, Or, Phrase, Prefix, Term

from workbench.search.fast import top_documents
from workbench.search.query import parse_query
from workbench.search.schema import DEFAULT_FIELDS, STEMMED, build_schema
from workbench.search.scoring import TabledBM25F

WORDS = ("harbour bridge ferry toll cracks repairs engineers council budget vote storm flood river mayor "
         "strike union wages train freight depot fire crews warehouse smoke").split()
OUTLETS = ("Coastline Courier", "Northern Ledger", "Valley Wire", "Valley Post")
FIELDS = tuple(DEFAULT_FIELDS)


def _text(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def _document(rng: random.Random, n: int) -> dict:
    doc = {"key": f"doc:{n}", "type": "claim" if n % 3 else "source", "id": str(n), "source_id": str(n // 3),
           "outlet": rng.choice(OUTLETS)}
    if doc["type"] == "source":
        body = _text(rng, 20, 60)
        if rng.random() < 0.2:   # a three-word phrase, sometimes broken by a word in between
            body += rng.choice([" storm flood river ", " storm flood mayor river "]) + _text(rng, 2, 6)
        doc.update(title=_text(rng, 3, 8), body=body)
    else:
        doc["text"] = _text(rng, 5, 18)
    return doc


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    folder = tmp_path_factory.mktemp("index")
    ix = whoosh.index.create_in(str(folder), build_schema())
    rng = random.Random(20261201)
    writer = ix.writer()
    for n in range(400):
        writer.add_document(**_document(rng, n))
    writer.commit()
    writer = ix.writer()   # a second segment, and deletions in the first
    for n in range(400, 520):
        writer.add_document(**_document(rng, n))
    for n in range(0, 400, 7):
        writer.delete_by_term("key", f"doc:{n}")
    writer.commit(merge=False)
    with ix.searcher(weighting=TabledBM25F()) as opened:
        assert not opened.is_atomic() and opened.reader().has_deletions()
        yield opened


def _whoosh(searcher, query) -> dict[int, float]:
    return {hit.docnum: hit.score for hit in searcher.search(query, limit=None, optimize=False)}


def _ours(searcher, query) -> dict[int, float]:
    top = top_documents(searcher, query, 10_000)
    assert top is not None
    return {docnum: score for score, docnum in top}


def _stem(word: str) -> str:
    return next(iter(STEMMED(word))).text


def _best_field(searcher, word: str) -> dict[int, float]:
    """A word's best field from Whoosh's scores of each field's term on its own."""
    best: dict[int, float] = {}
    for field, boost in DEFAULT_FIELDS.items():
        for docnum, score in _whoosh(searcher, Term(field, _stem(word), boost=boost)).items():
            best[docnum] = max(best.get(docnum, score), score)
    return best


def _close(ours: dict[int, float], expected: dict[int, float]) -> None:
    assert ours.keys() == expected.keys()
    for docnum, score in expected.items():
        assert ours[docnum] == pytest.approx(score, rel=1e-12), docnum


@pytest.mark.parametrize("word", ["bridge", "ferry", "fire", "smoke", "depot"])
@pytest.mark.parametrize("field", FIELDS)
def test_a_word_in_one_field_scores_exactly_as_whoosh(searcher, field, word):
    for boost in (1.0, 1.5):
        query = Term(field, _stem(word), boost=boost)
        expected = _whoosh(searcher, query)
        assert expected
        assert _ours(searcher, query) == expected


def test_a_word_scores_its_best_field(searcher):
    for word in ("bridge", "strike", "wages"):
        _close(_ours(searcher, parse_query(word)), _best_field(searcher, word))


def test_an_or_group_adds_the_words_and_a_bonus_for_each_further_word(searcher):
    words = ["harbour", "toll", "mayor"]
    parts = [_best_field(searcher, word) for word in words]
    expected = {}
    for docnum in set().union(*parts):
        matched = [part[docnum] for part in parts if docnum in part]
        count = sum(1 for part in [_whoosh(searcher, Term(f, _stem(w))) for w in words for f in FIELDS]
                    if docnum in part)
        terms = len(words) * len(FIELDS)
        expected[docnum] = (sum(matched) + (count - 1) / (terms - 0.9) ** 2) * (terms - 1) / terms
    _close(_ours(searcher, parse_query("harbour toll mayor")), expected)


@pytest.mark.parametrize("query", [
    Phrase("text", ["fire", "crew"]),
    Phrase("body", ["storm", "flood", "river"], slop=1),
    Phrase("body", ["bridg", "toll"], slop=3),
    Phrase("outlet", ["valley", "wire"]),
    Prefix("body", "fer"),
    AndNot(Every(), Term("body", "storm")),
])
def test_phrases_prefixes_and_a_lone_not_match_and_score_as_whoosh(searcher, query):
    expected = _whoosh(searcher, query)
    assert expected
    _close(_ours(searcher, query), expected)


def test_and_adds_the_parts_and_and_not_keeps_the_first_parts_score(searcher):
    outlet = Phrase("outlet", ["valley", "wire"])
    both = And([outlet, Term("text", "fire"), Term("text", "crew")])
    expected = _whoosh(searcher, both)
    assert expected
    _close(_ours(searcher, both), expected)
    without = AndNot(Term("body", "storm"), Or([Term("body", "flood"), Phrase("body", ["river", "mayor"])]))
    expected = _whoosh(searcher, without)
    assert expected
    _close(_ours(searcher, without), expected)


def test_the_order_is_by_score_then_lower_document_number(searcher):
    top = top_documents(searcher, parse_query("bridge ferry"), 15)
    assert len(top) == 15
    assert top == sorted(top, key=lambda hit: (-hit[0], hit[1]))
    everything = _ours(searcher, parse_query("bridge ferry"))
    assert [docnum for _, docnum in top] == sorted(everything, key=lambda d: (-everything[d], d))[:15]


def test_deleted_documents_are_never_returned(searcher):
    deleted = {docnum for docnum in range(searcher.doc_count_all()) if searcher.reader().is_deleted(docnum)}
    assert deleted
    for text in ("bridge", "harbour toll", '"fire crews"', "storm NOT flood"):
        assert not set(_ours(searcher, parse_query(text))) & deleted


def test_a_nested_group_with_its_own_bonus_is_left_to_whoosh(searcher):
    nested = Or([Or([Term("body", "bridg"), Term("body", "ferri")], scale=0.9), Term("body", "toll")], scale=0.9)
    assert top_documents(searcher, nested, 10) is None
    assert top_documents(searcher, Or([Term("body", "bridg"), Term("body", "toll")], scale=0.9), 10)
