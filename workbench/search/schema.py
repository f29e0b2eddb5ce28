"""The Whoosh schema: one index holding sources and claims, told apart by the `type` field."""

from __future__ import annotations

from whoosh.analysis import IDTokenizer, LowercaseFilter, StandardAnalyzer, StemmingAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.query import Or, Term

# Bump when the schema or the analysers change: an index of another version is rebuilt on open.
SCHEMA_VERSION = 6

SOURCE = "source"
CLAIM = "claim"
META = "_meta"          # one document holding the sync watermark
META_KEY = "_meta"

# Single-character tokens are kept: "5 dead" must find "5".
STEMMED = StemmingAnalyzer(minsize=1)
# Names, outlets, statuses: lower-cased words, no stemming and no stop words ("The Times", "in review").
PLAIN = StandardAnalyzer(stoplist=None, minsize=1)
LOWER_ID = IDTokenizer() | LowercaseFilter()

# The fields a query word without `field:` searches, with their weights.
DEFAULT_FIELDS = {"title": 2.0, "text": 1.5, "body": 1.0}


class Day(DATETIME):
    """A date indexed as one term: Whoosh's DATETIME writes 8 (for fast ranges over many distinct instants);
    articles fall on a few hundred days at most, so a range simply lists them."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.shift_step = 0


class KeyedId(STORED):
    """A document's id: stored, and searched through ``key``: ``id:42`` is source 42 or claim 42. A word of its own
    in every document was a seventh of writing the index."""

    def self_parsing(self) -> bool:
        return True

    def parse_query(self, fieldname, qstring, boost=1.0):
        return Or([Term("key", f"{kind}:{qstring}", boost=boost) for kind in (SOURCE, CLAIM)])


def text_field(analyzer, boost: float = 1.0, stored: bool = False) -> TEXT:
    field = TEXT(analyzer=analyzer, phrase=True, field_boost=boost, stored=stored)
    # A query word that splits into several tokens ("29,000", "wet-market") is a phrase, not an OR.
    field.multitoken_query = "phrase"
    return field


def build_schema() -> Schema:
    return Schema(
        key=ID(unique=True),                       # "source:12", "claim:34", "_meta"
        type=ID(stored=True),
        id=KeyedId(),
        # Ids as words: Whoosh's NUMERIC writes 16 terms per value, a large share of all postings.
        source_id=ID(stored=True),
        # sources
        title=text_field(STEMMED),
        body=text_field(STEMMED),
        author=text_field(PLAIN),
        # shared by sources and claims (a claim carries its source's outlet and date)
        outlet=text_field(PLAIN),
        published=Day(),
        # claims
        text=text_field(STEMMED),
        kind=ID(analyzer=LOWER_ID),
        entities=text_field(PLAIN),
        numbers=KEYWORD(lowercase=True, scorable=True),
        status=text_field(PLAIN),
        rating=text_field(PLAIN),
        # a hash of what was indexed, so rows touched without a searchable change are not rewritten
        digest=STORED(),
        # the watermark document
        meta=STORED(),
    )
