"""Rows inserted through the driver's executemany read back as the ORM would have written them."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from workbench.storage.bulk import insert_many
from workbench.storage.models import Claim, Source, SourceFingerprint


def _source(ws) -> int:
    with ws.session() as session:
        source = Source(title="Harbour", body="The harbour handled 40,000 ships. It was a record.", body_hash="h")
        session.add(source)
        session.flush()
        return source.id


def test_rows_get_the_columns_defaults_and_types_as_orm_rows_do(ws):
    sid = _source(ws)
    with ws.session() as session:
        session.add(Claim(source_id=sid, start=0, end=33, text="The harbour handled 40,000 ships."))
    started = datetime.utcnow() - timedelta(seconds=1)
    facets = {"numbers": [{"text": "40,000", "value": 40000.0}]}
    with ws.session() as session:
        insert_many(session, Claim.__table__, [
            {"source_id": sid, "start": 0, "end": 33, "text": "The harbour handled 40,000 ships.",
             "facets": json.dumps(facets), "score": 0.5},
            {"source_id": sid, "start": 34, "end": 50, "text": "It was a record.", "facets": "{}", "score": 0.25},
        ], as_is=frozenset({"facets"}))
    with ws.session() as session:
        orm, first, second = session.scalars(select(Claim).order_by(Claim.id)).all()
        for claim in (first, second):
            for column in ("kind", "origin", "reasons", "check_sources", "check_origins", "check_origin_names",
                           "check_conflicts", "check_corroborations", "speaker", "deleted_at"):
                assert getattr(claim, column) == getattr(orm, column), column
            assert isinstance(claim.created_at, datetime) and claim.created_at >= started
            assert abs(claim.updated_at - claim.created_at) < timedelta(seconds=1)
        assert first.facets == facets and second.facets == {}
        assert (second.start, second.end, second.score) == (34, 50, 0.25)


def test_values_are_converted_by_their_column_type_unless_given_as_is(ws):
    sid = _source(ws)
    with ws.session() as session:
        insert_many(session, Claim.__table__, [{"source_id": sid, "start": 0, "end": 5, "text": "The h",
                                                "reasons": ["number", "named source"],
                                                "deleted_at": datetime(2025, 1, 2, 3, 4, 5)}])
        insert_many(session, SourceFingerprint.__table__, [{"source_id": sid, "hash": -(2 ** 63)},
                                                           {"source_id": sid, "hash": 2 ** 63 - 1}])
    with ws.session() as session:
        claim = session.scalars(select(Claim)).one()
        assert claim.reasons == ["number", "named source"]
        assert claim.deleted_at == datetime(2025, 1, 2, 3, 4, 5)
        assert sorted(session.scalars(select(SourceFingerprint.hash))) == [-(2 ** 63), 2 ** 63 - 1]


def test_an_unknown_column_is_refused_before_anything_is_written(ws):
    sid = _source(ws)
    with pytest.raises(KeyError, match="no column 'colour'"):
        with ws.session() as session:
            insert_many(session, Claim.__table__, [{"source_id": sid, "colour": "red"}])
