"""Many rows of one table inserted through the driver's executemany, with SQLAlchemy's defaults and types.

A Core executemany runs SQLAlchemy's parameter processing for every row, and calls every column default (a
timestamp, an empty JSON list) once per row: for the claims of 1,000 articles that was a third of storing them.
Here the defaults of the columns the rows leave out are made and converted once per call, and the rows' own
values pass through each column type's converter only where that type has one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session


def insert_many(session: Session, table: Table, rows: Sequence[dict[str, Any]], *,
                as_is: frozenset[str] = frozenset()) -> None:
    """INSERT ``rows`` (dicts with the same keys) into ``table`` in ``session``'s transaction. Columns named in
    ``as_is`` are given as the database stores them (JSON columns as their text)."""
    if not rows:
        return
    connection = session.connection()
    given = tuple(rows[0])
    sql, converters, defaults = _plan(table, given, as_is, connection.dialect)
    fixed = tuple(make() for make in defaults)
    if any(converters):
        pairs = list(zip(given, converters))
        params = [tuple(row[name] if convert is None or row[name] is None else convert(row[name])
                        for name, convert in pairs) + fixed for row in rows]
    else:
        params = [tuple(row[name] for name in given) + fixed for row in rows]
    connection.exec_driver_sql(sql, params)


@lru_cache(maxsize=64)
def _plan(table: Table, given: tuple[str, ...], as_is: frozenset[str], dialect) -> tuple[str, tuple, tuple]:
    """(INSERT statement, converter or None per given column, maker of each defaulted column's bound value)."""
    if dialect.paramstyle != "qmark":
        raise NotImplementedError(f"insert_many writes qmark parameters; {dialect.name} takes {dialect.paramstyle}")
    quote = dialect.identifier_preparer.quote
    unknown = set(given) - set(table.columns.keys())
    if unknown:
        raise KeyError(f"{table.name} has no column {sorted(unknown)[0]!r}")
    converters = tuple(None if name in as_is else table.columns[name].type._cached_bind_processor(dialect)
                       for name in given)
    defaulted, makers = [], []
    for column in table.columns:
        default = column.default
        if column.name in given or default is None or not (default.is_scalar or default.is_callable):
            continue   # left to the database (autoincrement ids, server defaults, NULL)
        convert = column.type._cached_bind_processor(dialect)
        defaulted.append(column.name)
        makers.append(_default_maker(default, convert))
    names = list(given) + defaulted
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    return sql, converters, tuple(makers)


def _default_maker(default, convert):
    def make():
        value = default.arg(None) if default.is_callable else default.arg
        return value if convert is None or value is None else convert(value)
    return make
