"""The Word brief, read back with python-docx: headings, tables, hyperlinks, footer field, selection, Unicode."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from workbench.domain.errors import ExportError
from workbench.export.docx import write_docx
from workbench.export.model import build_brief
from workbench.storage.models import Claim, Source

W_HYPERLINK = qn("w:hyperlink")


def export(story, tmp_path, **options):
    with story.ws.session() as s:
        brief = build_brief(s, workspace="case", today=date(2025, 3, 6), **options)
    path = write_docx(brief, tmp_path / "brief.docx")
    return docx.Document(str(path)), brief


def headings(doc, level):
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def hyperlinks(doc) -> list[tuple[str, str]]:
    """(visible text, target URL) of every real hyperlink in the body."""
    rels = doc.part.rels
    out = []
    for link in doc.element.body.iter(W_HYPERLINK):
        if link.get(qn("w:anchor")):                  # an internal link to a bookmark
            continue
        rel = rels[link.get(qn("r:id"))]
        assert rel.reltype == RT.HYPERLINK and rel.is_external
        out.append(("".join(t.text for t in link.iter(qn("w:t"))), rel.target_ref))
    return out


def test_default_brief_holds_verified_and_published_claims_with_navigable_headings(story, tmp_path):
    doc, brief = export(story, tmp_path, title="Port Vesna fire", author="Desk", summary="What we found.")
    c = story.claims
    assert [e.claim_id for e in brief.entries] == [c["evacuated"], c["solvents"], c["long"], c["emoji"]]
    assert headings(doc, 1) == ["At a glance", "Claims", "Sources", "Method"]
    h2 = headings(doc, 2)
    assert len(h2) == 4 and h2[0].startswith("1. A fire at a logistics warehouse")
    assert len(h2[2]) < 100                           # the very long claim is shortened in its heading ...
    texts = [p.text for p in doc.paragraphs]
    assert any(len(t) > 3000 for t in texts)          # ... and quoted in full below it
    assert texts[1] == "Port Vesna fire" and doc.paragraphs[1].style.name == "Title"
    assert "What we found." in texts
    assert any(t == "Author: Desk" for t in texts) and any(t == "Workspace: case" for t in texts)
    assert doc.core_properties.title == "Port Vesna fire"


def test_at_a_glance_table_has_one_row_per_claim_with_rating_status_and_origins(story, tmp_path):
    doc, brief = export(story, tmp_path)
    table = doc.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["#", "Claim", "Source", "Rating", "Status", "Origins"]
    assert len(rows) == len(brief.entries) + 1
    assert rows[1][2:] == ["Northern Wire Service", "\u00a0MOSTLY\u00a0TRUE\u00a0", "verified", "2"]
    assert rows[2][3].strip() == "UNPROVEN" and rows[2][4] == "published"
    label = table.rows[1].cells[3].paragraphs[0].runs[0]._r
    assert label.find(qn("w:rPr")).find(qn("w:shd")).get(qn("w:fill")) == "5B9A2E"   # coloured label
    counts = next(p.text for p in doc.paragraphs if "UNPROVEN" in p.text)
    assert "MOSTLY\u00a0TRUE\u00a0 1" in counts and "FALSE\u00a0 1" in counts


def test_glance_numbers_link_to_bookmarks_on_the_claim_headings(story, tmp_path):
    doc, brief = export(story, tmp_path)
    table = doc.tables[0]._tbl
    anchors = [link.get(qn("w:anchor")) for link in table.iter(W_HYPERLINK)]
    assert anchors == [f"claim_{e.claim_id}" for e in brief.entries]
    bookmarks = {b.get(qn("w:name")): b.getparent() for b in doc.element.body.iter(qn("w:bookmarkStart"))}
    for entry, anchor in zip(brief.entries, anchors):
        heading = bookmarks[anchor]
        assert heading.pPr.pStyle.val == "Heading2"
    assert len({b.get(qn("w:id")) for b in doc.element.body.iter(qn("w:bookmarkStart"))}) == len(anchors)


def test_sources_are_real_hyperlinks_and_listed_in_the_bibliography(story, tmp_path):
    doc, _ = export(story, tmp_path)
    links = hyperlinks(doc)
    targets = {url for _, url in links}
    assert "https://nws.example/2025/03/04/port-vesna-fire" in targets
    assert "https://coastalledger.example/2025/03/04/warehouse-solvents?ref=a&b=<c>" in targets
    assert "https://vesna.example/emergency/statement-4-march" in targets      # reviewer's evidence URL
    assert ("Northern Wire Service", "https://nws.example/2025/03/04/port-vesna-fire") in links
    start = [p.text for p in doc.paragraphs].index("Sources")
    bibliography = [p.text for p in doc.paragraphs[start + 1:] if p.style.name == "Brief Bibliography"]
    assert bibliography[0].startswith("[1]\tNorthern Wire Service (Mara Ellison). “Fire at Port Vesna")
    assert any("Vesna Courier" in line and "5 Mar 2025" in line for line in bibliography)


def test_evidence_quotes_conflicts_and_agreements_but_not_rejected_links(story, tmp_path):
    doc, _ = export(story, tmp_path)
    texts = [p.text for p in doc.paragraphs]
    first = texts.index("Evidence")
    second_claim = next(i for i, p in enumerate(doc.paragraphs) if p.text.startswith("2. "))
    section = texts[first:second_claim]
    assert section[1].startswith("Disagrees\u00a0\u00a0“More than 1,500 people were evacuated")
    assert "4 Mar 2025, 15:40 [2]" in section[1]
    assert any(t.startswith("Agrees") and "(same origin)" in t for t in section)
    assert any(t.startswith("Agrees") and "港口仓库火灾" in t for t in section)
    assert not any("أجبر" in t for t in section)                       # the link the user rejected
    assert section[-1] == "Carried by 3 sources from 2 independent origins: Northern Wire Service, " \
                          "city emergency office."
    assert "No other source in the workspace addresses this claim." in texts


def test_footer_numbers_pages_with_a_page_field(story, tmp_path):
    doc, _ = export(story, tmp_path)
    footer = doc.sections[0].footer._element
    instructions = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert "PAGE" in instructions and "NUMPAGES" in instructions
    header_pictures = list(doc.sections[0].header._element.iter(qn("pic:pic")))
    assert header_pictures                                             # the logo placeholder


def test_unicode_survives_and_xml_illegal_characters_are_dropped(story, tmp_path):
    doc, _ = export(story, tmp_path, include_all=True)
    texts = [p.text for p in doc.paragraphs]
    assert any("Firefighters 🚒 worked through the night at Pier 7 —" in t for t in texts)
    assert not any("\x0b" in t or "\x00" in t or "\x07" in t for t in texts)
    assert "“港口仓库火灾迫使1200名居民撤离。”" in texts
    # The undated CJK copy was first seen in the wire story of 4 March.
    after = texts[texts.index("“港口仓库火灾迫使1200名居民撤离。”"):]
    assert any(t.startswith("First seen in the coverage: Northern Wire Service, “Fire at Port Vesna") and
               "4 Mar 2025, 08:30 [1]" in t for t in after[:6])


def test_rtl_claims_are_laid_out_right_to_left(story, tmp_path):
    doc, brief = export(story, tmp_path, claim_ids=[story.claims["rtl"], story.claims["evacuated"]])
    assert [e.claim_id for e in brief.entries] == [story.claims["rtl"], story.claims["evacuated"]]
    quote = next(p for p in doc.paragraphs if p.style.name == "Brief Claim")
    assert quote._p.pPr.find(qn("w:bidi")) is not None
    english = [p for p in doc.paragraphs if p.style.name == "Brief Claim"][1]
    assert english._p.pPr.find(qn("w:bidi")) is None


def test_all_option_adds_claims_in_review_but_never_rejected_ones(story, tmp_path):
    _, brief = export(story, tmp_path, include_all=True)
    ids = [e.claim_id for e in brief.entries]
    assert story.claims["cjk"] in ids
    assert story.claims["rtl"] not in ids and story.claims["injured"] not in ids


def test_nothing_to_export_and_unknown_claims_are_clear_errors(ws, story, tmp_path):
    from workbench.domain.errors import NotFound

    with ws.session() as s, pytest.raises(NotFound, match="no claim with id 4242"):
        build_brief(s, claim_ids=[story.claims["evacuated"], 4242])
    with ws.session() as s:
        s.query(Claim).filter(Claim.id != story.claims["injured"]).delete()
    with ws.session() as s, pytest.raises(ExportError, match="no claims to export"):
        build_brief(s)


def test_all_with_nothing_reviewed_says_so_rather_than_suggesting_all(ws, tmp_path):
    with ws.session() as s, pytest.raises(ExportError, match="none has been reviewed yet") as raised:
        build_brief(s, include_all=True)
    assert "choose --all" not in str(raised.value)


def test_a_plain_user_template_gets_the_missing_styles(story, tmp_path):
    plain = tmp_path / "house.docx"
    house = docx.Document()
    house.styles["Normal"].font.name = "Garamond"
    house.save(str(plain))
    with story.ws.session() as s:
        brief = build_brief(s)
    doc = docx.Document(str(write_docx(brief, tmp_path / "out.docx", template=plain)))
    assert doc.styles["Normal"].font.name == "Garamond"            # the newsroom's look is kept
    assert any(p.style.name == "Brief Claim" for p in doc.paragraphs)
    assert any(t.text.strip() == "PAGE" for t in doc.sections[0].footer._element.iter(qn("w:instrText")))


def test_a_template_that_is_not_a_docx_is_an_export_error(story, tmp_path):
    bogus = tmp_path / "template.docx"
    bogus.write_text("not a zip")
    with story.ws.session() as s:
        brief = build_brief(s)
    with pytest.raises(ExportError, match="cannot use .* as a brief template"):
        write_docx(brief, tmp_path / "out.docx", template=bogus)
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.slow
def test_five_hundred_claims_with_many_links(ws, tmp_path):
    with ws.session() as s:
        sources = [Source(title=f"Report {i}", outlet=f"Outlet {i % 40}", url=f"https://o{i}.example/a?id={i}",
                          published=date(2025, 1, 1 + i % 28), body="x", body_hash=f"h{i}") for i in range(120)]
        s.add_all(sources)
        s.flush()
        claims = [Claim(source_id=sources[i % 120].id, start=0, end=1, kind="numeric",
                        text=f"Claim {i}: {i * 37} tonnes were shipped, officials said. " + "Detail. " * (i % 30))
                  for i in range(500)]
        s.add_all(claims)
        s.flush()
        from workbench.storage.models import Link, Verdict

        s.add_all(Verdict(claim_id=c.id, status="verified", rating=("True", "False", "Misleading")[c.id % 3])
                  for c in claims)
        s.add_all(Link(a_id=claims[i].id, b_id=claims[i + 1].id, relation=("corroborates", "conflicts")[i % 2])
                  for i in range(499))
    doc, brief = export(type("S", (), {"ws": ws})(), tmp_path)
    assert len(brief.entries) == 500
    assert len(doc.tables[0].rows) == 501
    assert len(headings(doc, 2)) == 500


def test_long_evidence_lists_are_capped_and_the_rest_counted(story, tmp_path):
    from workbench.storage.models import Link

    with story.ws.session() as s:
        for i in range(9):
            source = Source(title=f"Copy {i}", outlet=f"Aggregator {i}", body="x", body_hash=f"agg-{i}",
                            published=date(2025, 3, 5))
            s.add(source)
            s.flush()
            claim = Claim(source_id=source.id, start=0, end=1, text=f"Copy {i} says 1,200 residents left.")
            s.add(claim)
            s.flush()
            s.add(Link(a_id=story.claims["solvents"], b_id=claim.id, relation="corroborates", same_origin=True))
    doc, _ = export(story, tmp_path)
    texts = [p.text for p in doc.paragraphs]
    start = next(i for i, t in enumerate(texts) if t.startswith("2. The warehouse stored"))
    section = texts[start:next(i for i, t in enumerate(texts) if t.startswith("3. "))]
    assert sum(t.startswith("Agrees") for t in section) == 6
    assert any(t.startswith("… and 3 more (Aggregator 6, Aggregator 7, Aggregator 8)") for t in section)
    bibliography = [p.text for p in doc.paragraphs if p.style.name == "Brief Bibliography"]
    assert sum("Aggregator" in line for line in bibliography) == 9          # all of them are still cited


RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
             "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
             "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")


def test_properties_follow_the_schema_order_word_insists_on(story, tmp_path):
    from workbench.export.template import PPR_ORDER

    doc, _ = export(story, tmp_path, include_all=True)
    orders = {qn("w:pPr"): [qn(t) for t in PPR_ORDER], qn("w:rPr"): [qn(f"w:{t}") for t in RPR_ORDER]}
    roots = (doc.element.body, doc.styles.element, doc.sections[0].header._element, doc.sections[0].footer._element)
    checked = 0
    for root in roots:
        for tag, order in orders.items():
            for props in root.iter(tag):
                positions = [order.index(child.tag) for child in props if child.tag in order]
                assert positions == sorted(positions), [c.tag.split("}")[1] for c in props]
                checked += 1
    assert checked > 100
