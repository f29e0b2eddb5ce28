"""The user's query language (Whoosh syntax over our fields) and the checks that turn mistakes into advice."""

from __future__ import annotations

import difflib
import re

from whoosh.qparser import GtLtPlugin, MultifieldPlugin, OrGroup
from whoosh.qparser import QueryParser as WhooshParser
from whoosh.qparser.syntax import DisMaxGroup
from whoosh.query import And, AndNot, DisjunctionMax, Every, Not, NullQuery, Or, Query

from workbench.domain.errors import QueryError
from workbench.search.coord import with_counting_or
from workbench.search.schema import DEFAULT_FIELDS, build_schema

QUERY_HELP = """\
Search words are looked up in titles, article text and claims, in any form (valuation finds valuations).
Results that contain all your words come first; results with some of them follow.

  Meta "Scale AI"            a "phrase" in quotes must appear as written
  Meta AND stake             both words;  Meta OR Google: either;  Meta NOT Google: without Google
  (stake OR share) AND 49%   parentheses group; AND, OR and NOT are written in capitals
  valu*   wom?n              * stands for any letters, ? for one letter
  outlet:reuters             in one field: title, body, text (claims), outlet, author, kind, entities,
  kind:quote  type:claim     numbers, status, rating, type (source or claim), id, source_id
  published:2025-06-12       on a day (or a month: published:2025-06)
  published:[2025-06-01 to 2025-06-30]   between two dates;  published:>2025-06-01  from a date on
  title:budget^2             ^ weighs a word more
"""

FIELD_HINTS = {
    "published": "write dates as YYYY-MM-DD, a month as YYYY-MM, a range as published:[2025-06-01 to 2025-06-30]",
    "id": "id expects a number, e.g. id:42",
    "source_id": "source_id expects a number, e.g. source_id:7",
}

_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_BINARY = _OPERATORS - {"NOT"}
_FIELD_RE = re.compile(r"(?<![\w:/])([A-Za-z_][A-Za-z_0-9]*):(?!//)")
_FIELDED_RE = re.compile(r"(?<![\w:/])([A-Za-z_][A-Za-z_0-9]*):(\[[^\]]*\]|\{[^}]*\}|\"[^\"]*\"|'[^']*'|[<>]=?\S+|[^\s()]+)")


class _BestField(DisjunctionMax):
    def __init__(self, subqueries, boost=1.0, tiebreak=0.3):
        super().__init__(subqueries, boost=boost, tiebreak=tiebreak)


class _WordGroup(DisMaxGroup):
    qclass = _BestField


class QueryParser:
    """Parses user queries against the index schema; one instance may be reused (it holds no state per query)."""

    def __init__(self):
        self.schema = build_schema()
        self.fields = sorted(name for name in self.schema.names() if name not in ("key", "meta", "digest"))
        # Words are OR-ed, with a bonus for each extra word matched: documents with all the words rank first.
        self._parser = WhooshParser(None, self.schema, group=OrGroup.factory(0.9))
        # Each word scores by its best field (title, claim text or body), plus a little for the others.
        self._parser.add_plugin(MultifieldPlugin(list(DEFAULT_FIELDS), fieldboosts=DEFAULT_FIELDS, group=_WordGroup))
        self._parser.add_plugin(GtLtPlugin())

    def parse(self, text: str) -> Query:
        """The Whoosh query for ``text``; a QueryError says what is wrong and how to write it."""
        text = (text or "").strip()
        if not text:
            raise QueryError("the search is empty: type a word, a \"phrase\" or a field such as outlet:reuters")
        self._check_structure(text)
        self._check_fields(text)
        query = self._parse(text)
        if query == NullQuery and not _only_stopwords(text):
            raise QueryError(f"nothing searchable in {text!r}: {QUERY_HELP.splitlines()[0]}")
        return with_counting_or(as_users_mean(query).normalize())

    def _parse(self, text: str) -> Query:
        try:
            return self._parser.parse(text, normalize=False)
        except Exception as exc:  # Whoosh raises assorted errors for bad dates and numbers
            raise QueryError(f"cannot read the search {text!r}: {exc}") from exc

    def _check_structure(self, text: str) -> None:
        outside = _outside_quotes(text)
        if outside is None:
            raise QueryError("a phrase is missing its closing quote (\"): write \"wet market\"")
        depth = 0
        for ch in outside:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth < 0:
                    raise QueryError("a closing parenthesis ')' has no opening '(' before it")
        if depth > 0:
            raise QueryError("an opening parenthesis '(' is never closed: add ')'")
        if outside.count("[") != outside.count("]") or outside.count("{") != outside.count("}"):
            raise QueryError("a range needs both brackets, e.g. published:[2025-06-01 to 2025-06-30]")
        words = outside.replace("(", " ( ").replace(")", " ) ").split()
        for i, word in enumerate(words):
            if word not in _OPERATORS:
                continue
            before = words[i - 1] if i > 0 else None
            after = words[i + 1] if i + 1 < len(words) else None
            if after is None or after in _BINARY or after == ")":
                raise QueryError(f"{word} needs a search term after it (e.g. Meta {word} Google); "
                                 "to search the word itself, write it in lower case or quote it")
            if word in _BINARY and (before is None or before in _OPERATORS or before == "("):
                raise QueryError(f"{word} needs a search term before it (e.g. Meta {word} Google)")

    def _check_fields(self, text: str) -> None:
        outside = _outside_quotes(text) or ""
        for match in _FIELD_RE.finditer(outside):
            name = match.group(1)
            if name not in self.fields:
                close = difflib.get_close_matches(name.lower(), self.fields, n=1)
                hint = f"did you mean {close[0]}:? " if close else ""
                raise QueryError(f"unknown field {name}: {hint}fields are {', '.join(self.fields)}")
            rest = outside[match.end():]
            if not rest or rest[0].isspace() or rest[0] == ")":
                raise QueryError(f"{name}: needs a value right after the colon, e.g. {name}:{_example(name)}")
        for match in _FIELDED_RE.finditer(text):
            name, value = match.group(1), match.group(2)
            if name not in self.schema.names():
                continue
            try:
                part = self._parser.parse(match.group(0))
            except Exception as exc:
                raise QueryError(f"cannot read {match.group(0)}: {_reason(exc)}; {FIELD_HINTS.get(name, '')}"
                                 .rstrip("; ")) from exc
            if name in ("id", "source_id") and not value.isdigit():
                raise QueryError(f"cannot read {value!r} in {name}: {FIELD_HINTS[name]}")
            if part == NullQuery and name in FIELD_HINTS:
                raise QueryError(f"cannot read {value!r} in {name}: {FIELD_HINTS[name]}")


# Fields that narrow a search rather than describe what it is about: `kind:quote Huang` means quotes about
# Huang, not "quotes, or anything about Huang".
# (`id:` is searched through `key`, see schema.KeyedId.)
FILTER_FIELDS = {"type", "kind", "outlet", "author", "published", "status", "rating", "key", "source_id"}


def _is_filter(query: Query) -> bool:
    fields = {getattr(leaf, "fieldname", None) for leaf in query.leaves()}
    return bool(fields) and fields <= FILTER_FIELDS


def as_users_mean(query: Query) -> Query:
    """Rewrite the OR groups of Whoosh's parse the way search boxes behave.

    In an OR group, ``NOT x`` excludes x (Whoosh would match everything without x), and field filters such as
    ``kind:quote`` or ``published:[...]`` are required while the free words stay optional.
    """
    if isinstance(query, Not):
        return AndNot(Every(), as_users_mean(query.query))
    if isinstance(query, Or):
        children = [as_users_mean(c) if not isinstance(c, Not) else c for c in query.subqueries]
        nots = [c.query for c in children if isinstance(c, Not)]
        positive = [c for c in children if not isinstance(c, Not)]
        filters = [c for c in positive if _is_filter(c)]
        words = [c for c in positive if not _is_filter(c)]
        if not nots and (not filters or not words):
            return Or(children, boost=query.boost, scale=query.scale)
        wanted = Or(words, scale=query.scale) if len(words) > 1 else (words[0] if words else None)
        required = filters + ([wanted] if wanted is not None else [])
        combined = (And(required) if len(required) > 1 else required[0]) if required else Every()
        return AndNot(combined, Or([as_users_mean(n) for n in nots])) if nots else combined
    if isinstance(query, And):
        # Inside AND, Whoosh already reads NOT as "without".
        return And([Not(as_users_mean(c.query)) if isinstance(c, Not) else as_users_mean(c)
                    for c in query.subqueries], boost=query.boost)
    return query


def _outside_quotes(text: str) -> str | None:
    """The query with quoted phrases blanked out; None when a double quote is left open."""
    parts = text.split('"')
    if len(parts) % 2 == 0:
        return None
    return '"'.join(part if i % 2 == 0 else "_" * len(part) for i, part in enumerate(parts))


def _only_stopwords(text: str) -> bool:
    from workbench.search.schema import STEMMED

    return not any(token.text for token in STEMMED(text)) and bool(re.search(r"\w", text))


def _reason(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


def _example(name: str) -> str:
    return {"published": "2025-06-12", "kind": "quote", "type": "claim", "id": "42", "source_id": "7",
            "status": "verified", "rating": "false", "numbers": "49"}.get(name, "reuters")


_default_parser: QueryParser | None = None


def parse_query(text: str) -> Query:
    """Parse with a shared parser (building one costs a few milliseconds)."""
    global _default_parser
    if _default_parser is None:
        _default_parser = QueryParser()
    return _default_parser.parse(text)
