"""ClaimReview JSON-LD, Markdown and CSV exports, read back and checked field by field."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from workbench.domain.errors import ExportError
from workbench.export.claimreview import write_claimreview
from workbench.export.csv import COLUMNS, write_csv
from workbench.export.formats import export_workspace, write_brief
from workbench.export.markdown import write_markdown
from workbench.export.model import build_brief


@pytest.fixture
def brief(story):
    with story.ws.session() as s:
        return build_brief(s, include_all=True, title="Port *Vesna* fire", author="Vesna Desk",
                           workspace="case", today=date(2025, 3, 6))


def test_claimreview_has_one_review_per_rated_claim_with_required_fields_and_types(brief, story, tmp_path):
    path = write_claimreview(brief, tmp_path / "reviews.json", base_url="https://desk.example/briefs/vesna")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["@context"] == "https://schema.org"
    reviews = doc["@graph"]
    assert len(reviews) == len(brief.entries) == 5
    by_claim = {r["url"].rsplit("#claim-", 1)[1]: r for r in reviews}
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert review["url"].startswith("https://desk.example/briefs/vesna#claim-")
        assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
        assert review["author"]["@type"] in ("Person", "Organization") and review["author"]["name"]
        date.fromisoformat(review["datePublished"])
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and isinstance(rating["alternateName"], str)
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and isinstance(item["appearance"], list) and item["appearance"]
        assert all(a["@type"] == "CreativeWork" for a in item["appearance"])
    mostly_true = by_claim[str(story.claims["evacuated"])]
    assert mostly_true["reviewRating"] == {
        "@type": "Rating", "alternateName": "Mostly true", "ratingValue": 4, "bestRating": 5, "worstRating": 1,
        "ratingExplanation": mostly_true["reviewRating"]["ratingExplanation"]}
    assert all(isinstance(mostly_true["reviewRating"][k], int) for k in ("ratingValue", "bestRating", "worstRating"))
    assert mostly_true["author"] == {"@type": "Person", "name": "A. Editor"}
    appearances = [a.get("url") for a in mostly_true["itemReviewed"]["appearance"]]
    assert appearances[0] == "https://nws.example/2025/03/04/port-vesna-fire"
    assert "https://intl.example/fire" in appearances                       # a corroborating copy elsewhere
    assert mostly_true["itemReviewed"]["datePublished"] == "2025-03-04"
    unproven = by_claim[str(story.claims["solvents"])]["reviewRating"]
    assert unproven["alternateName"] == "Unproven" and "ratingValue" not in unproven     # not on the truth axis


def test_claimreview_leaves_out_unrated_claims_and_refuses_a_brief_without_ratings(story, tmp_path):
    with story.ws.session() as s:
        brief = build_brief(s, claim_ids=[story.claims["injured"], story.claims["long"]])
    doc = json.loads(write_claimreview(brief, tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [r["url"] for r in doc["@graph"]] == [f"#claim-{story.claims['long']}"]
    with story.ws.session() as s:
        unrated = build_brief(s, claim_ids=[story.claims["injured"]])
    with pytest.raises(ExportError, match="none of these claims has a rating"):
        write_brief(unrated, "claimreview", tmp_path / "none.json")
    assert not (tmp_path / "none.json").exists()


def test_csv_parses_with_one_row_per_claim_and_its_citations(brief, story, tmp_path):
    raw = write_csv(brief, tmp_path / "brief.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())                           # Excel opens UTF-8 correctly
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0].keys()) == COLUMNS
    assert [int(r["claim_id"]) for r in rows] == [e.claim_id for e in brief.entries]
    first = rows[0]
    assert first["rating"] == "Mostly true" and first["rating_value"] == "4" and first["status"] == "verified"
    assert first["url"] == "https://nws.example/2025/03/04/port-vesna-fire" and first["published"] == "2025-03-04"
    assert first["independent_origins"] == "2"
    assert "More than 1,500 people were evacuated" in first["conflicting"]
    assert "<https://coastalledger.example/2025/03/04/warehouse-solvents?ref=a&b=<c>>" in first["conflicting"]
    assert "https://vesna.example/emergency/statement-4-march (emergency office statement)" in first["other_evidence"]
    assert "\n" in first["rationale"]                                   # multi-line cells survive quoting
    long_row = next(r for r in rows if int(r["claim_id"]) == story.claims["long"])
    assert len(long_row["claim"]) > 3000
    emoji = next(r for r in rows if int(r["claim_id"]) == story.claims["emoji"])
    assert "🚒" in emoji["claim"] and "\x0b" not in emoji["claim"]


def test_csv_cells_cannot_run_as_spreadsheet_formulas(story, tmp_path):
    from workbench.services.verdicts import set_verdict

    with story.ws.session() as s:
        set_verdict(s, story.claims["solvents"], rationale="=HYPERLINK(\"http://evil.example\")")
    with story.ws.session() as s:
        brief = build_brief(s)
    rows = list(csv.DictReader(io.StringIO(write_csv(brief, tmp_path / "b.csv").read_text("utf-8-sig"))))
    assert next(r for r in rows if r["rating"] == "Unproven")["rationale"].startswith("'=HYPERLINK")


def test_markdown_has_the_table_anchors_and_escaped_text(brief, story, tmp_path):
    text = write_markdown(brief, tmp_path / "brief.md").read_text(encoding="utf-8")
    assert text.startswith("# Port \\*Vesna\\* fire\n")
    assert "| # | Claim | Source | Rating | Status | Origins |" in text
    table = [line for line in text.splitlines() if line.startswith("| ") and "#claim-" in line]
    assert len(table) == len(brief.entries)
    assert all(line.count(" | ") == 5 for line in table)                # no cell broke the table
    assert f'<a id="claim-{story.claims["evacuated"]}"></a>' in text
    assert "[Northern Wire Service](<https://nws.example/2025/03/04/port-vesna-fire>)" in text
    assert "(<https://coastalledger.example/2025/03/04/warehouse-solvents?ref=a&b=%3Cc%3E>)" in text
    assert "## Sources" in text and "## Method" in text
    assert "港口仓库火灾迫使1200名居民撤离。" in text and "\x00" not in text


def test_export_workspace_runs_every_format(story, tmp_path):
    for fmt, suffix in (("docx", "docx"), ("claimreview", "json"), ("markdown", "md"), ("csv", "csv")):
        path, data = export_workspace(story.ws, fmt, tmp_path / f"brief.{suffix}")
        assert path.stat().st_size > 0 and len(data.entries) == 4
    with pytest.raises(ExportError, match="unknown export format"):
        export_workspace(story.ws, "pdf", tmp_path / "brief.pdf")


def test_a_rating_outside_the_scale_is_kept_as_a_word(story, tmp_path):
    from workbench.storage.models import Verdict

    with story.ws.session() as s:
        s.get(Verdict, story.claims["long"]).rating = "Half-baked"      # edited outside the app
    with story.ws.session() as s:
        brief = build_brief(s)
    entry = next(e for e in brief.entries if e.claim_id == story.claims["long"])
    assert entry.rating_name == "Half-baked"
    assert ("Half-baked", 1) in brief.rating_counts() and sum(n for _, n in brief.rating_counts()) == 4
    doc = json.loads(write_claimreview(brief, tmp_path / "r.json").read_text(encoding="utf-8"))
    review = next(r for r in doc["@graph"] if r["url"] == f"#claim-{story.claims['long']}")
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Half-baked",
                                      "ratingExplanation": "The closure lasted four days."}
