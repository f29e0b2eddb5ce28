"""The Word brief: cover, "At a glance" table, one section per claim, sources and method, on the template."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, RGBColor

from workbench.domain.errors import ExportError
from workbench.export import template as tpl
from workbench.export.model import BriefData, BriefEntry, EvidenceClaim, SourceRef, WebRef
from workbench.export.writer import write_atomically

MAX_EVIDENCE_SHOWN = 6       # per side; the rest are counted and listed under Sources
QUOTE_CHARS = 280            # evidence quotes are brief
TABLE_CLAIM_CHARS = 160
HEADING_CHARS = 90
AGREE_COLOUR, DISAGREE_COLOUR = "1E7B34", "B3261E"
NOT_RATED_COLOUR = "9AA5B1"


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > width * 0.6 else cut).rstrip(",;:-– ") + "…"


def _is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left (Arabic, Hebrew, ...)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _set_rtl(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(0, OxmlElement("w:bidi"))
    for run in paragraph.runs:
        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))


def _shade_run(run, fill: str) -> None:
    run._r.get_or_add_rPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def style_id(part, name: str) -> str:
    """The id of a named style, looked up once per document (python-docx searches every style each time)."""
    cache = part.__dict__.setdefault("_brief_style_ids", {})
    if name not in cache:
        cache[name] = part.document.styles[name].style_id
    return cache[name]


def set_style(paragraph, name: str) -> None:
    paragraph._p.get_or_add_pPr().style = style_id(paragraph.part, name)


def _shade_cell(cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def add_hyperlink(paragraph, url: str, text: str) -> None:
    """A real clickable link: a w:hyperlink element pointing at an external relationship."""
    if not url.lower().startswith(("http://", "https://", "mailto:")):
        paragraph.add_run(text)
        return
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    link.set(qn("w:history"), "1")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), style_id(paragraph.part, tpl.HYPERLINK))
    rpr.append(style)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def rating_label(paragraph, name: str, colour: str | None) -> None:
    """A coloured label: white capitals on the rating's colour."""
    label = name.upper().replace(" ", "\u00a0")
    run = paragraph.add_run(f"\u00a0{label}\u00a0")
    run._r.get_or_add_rPr().style = style_id(paragraph.part, tpl.RATING)
    _shade_run(run, colour or NOT_RATED_COLOUR)


class _Renderer:
    def __init__(self, brief: BriefData, doc):
        self.brief = brief
        self.doc = doc
        self.numbers = brief.source_numbers()

    # -- helpers -----------------------------------------------------------------------------------------
    def para(self, text: str = "", style: str | None = None):
        paragraph = self.doc.add_paragraph()
        if style:
            set_style(paragraph, style)
        if text:
            paragraph.add_run(text)
        if text and _is_rtl(text):
            _set_rtl(paragraph)
        return paragraph

    def heading(self, text: str, level: int):
        return self.para(text, f"Heading {level}")

    def cite(self, paragraph, source: SourceRef, *, with_title: bool = False) -> None:
        """Outlet (linked), [title,] date and the bibliography number."""
        if source.url:
            add_hyperlink(paragraph, source.url, source.outlet_name)
        else:
            paragraph.add_run(source.outlet_name)
        if with_title and source.title:
            paragraph.add_run(f", \u201c{source.title}\u201d")
        if source.when:
            paragraph.add_run(f", {source.when}")
        paragraph.add_run(f" [{self.numbers[source.id]}]")

    # -- parts -------------------------------------------------------------------------------------------
    def cover(self) -> None:
        b = self.brief
        self.para("Verification brief", tpl.KICKER)
        self.para(b.title, "Title")
        count = len(b.entries)
        self.para(f"{count} claim{'s' if count != 1 else ''} checked \u00b7 {_long_date(b.created)}", "Subtitle")
        for label, value in (("Author", b.author), ("Date", _long_date(b.created)), ("Workspace", b.workspace),
                             ("Claims", f"{count} ({b.selection})"), ("Rating scale", b.scale.label)):
            if value:
                paragraph = self.para("", tpl.META)
                paragraph.add_run(f"{label}: ").bold = True
                paragraph.add_run(value)
        summary = b.summary or self.auto_summary()
        self.para(summary, tpl.SUMMARY)

    def auto_summary(self) -> str:
        counts = ", ".join(f"{n} rated {name}" if name != "Not rated" else f"{n} not yet rated"
                           for name, n in self.brief.rating_counts())
        return f"This brief reviews {len(self.brief.entries)} claims from the collected coverage: {counts}."

    def at_a_glance(self) -> None:
        self.heading("At a glance", level=1)
        counts = self.para("", tpl.META)
        for i, (name, n) in enumerate(self.brief.rating_counts()):
            rating = self.brief.scale.find(name)
            if i:
                counts.add_run("   ")
            rating_label(counts, name, rating.colour if rating else None)
            counts.add_run(f" {n}").bold = True
        table = self.doc.add_table(rows=1, cols=6)
        table.style = self.doc.styles[tpl.TABLE]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        widths = (Cm(0.7), Cm(6.4), Cm(2.9), Cm(2.8), Cm(2.1), Cm(1.7))
        table.autofit = False
        for column, width in zip(table.columns, widths):
            column.width = width
        header = table.rows[0]
        _repeat_header(header)
        for cell, text, width in zip(header.cells, ("#", "Claim", "Source", "Rating", "Status", "Origins"), widths):
            cell.width = width
            set_style(cell.paragraphs[0], tpl.TABLE_TEXT)
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            _shade_cell(cell, tpl.NAVY)
        for n, entry in enumerate(self.brief.entries, start=1):
            cells = table.add_row().cells
            _no_split(table.rows[-1])
            values = (str(n), shorten(entry.text, TABLE_CLAIM_CHARS), entry.source.outlet_name,
                      None, entry.status, str(entry.origins_count))
            for cell, value, width in zip(cells, values, widths):
                cell.width = width
                set_style(cell.paragraphs[0], tpl.TABLE_TEXT)
                if value is not None:
                    cell.paragraphs[0].add_run(value)
            rating_label(cells[3].paragraphs[0], entry.rating_name, entry.rating.colour if entry.rating else None)
        note = self.para("Origins: independent reports behind the claim; copies of one wire story count once.",
                         tpl.NOTE)
        note.paragraph_format.space_before = Cm(0.15)

    def claims(self) -> None:
        heading = self.heading("Claims", level=1)
        heading.paragraph_format.page_break_before = True
        for n, entry in enumerate(self.brief.entries, start=1):
            self.claim_section(n, entry)

    def claim_section(self, n: int, entry: BriefEntry) -> None:
        self.heading(f"{n}. {shorten(entry.text, HEADING_CHARS)}", level=2)
        line = self.para("", tpl.META)
        rating_label(line, entry.rating_name, entry.rating.colour if entry.rating else None)
        line.add_run(f"  {entry.status.capitalize()} \u00b7 claim #{entry.claim_id}")
        self.para(f"\u201c{entry.text}\u201d", tpl.CLAIM)
        if entry.speaker or entry.attribution:
            said = " \u00b7 ".join(x for x in (entry.speaker and f"Said by {entry.speaker}",
                                               entry.attribution and f"attributed to {entry.attribution}") if x)
            self.para(said, tpl.META)

        self.para("Where it appeared", tpl.LABEL)
        where = self.para("", None)
        self.cite(where, entry.source, with_title=True)
        if entry.source.author:
            where.add_run(f", by {entry.source.author}")

        self.para("Verdict", tpl.LABEL)
        if entry.rationale:
            for chunk in [p for p in entry.rationale.split("\n") if p.strip()]:
                self.para(chunk.strip())
        else:
            self.para("No rationale recorded yet.").runs[0].italic = True
        if entry.reviewer or entry.reviewed_on:
            by = f"Reviewed{f' by {entry.reviewer}' if entry.reviewer else ''}"
            self.para(f"{by}{f', {_long_date(entry.reviewed_on)}' if entry.reviewed_on else ''}.", tpl.META)

        self.para("Evidence", tpl.LABEL)
        self.evidence_list("Disagrees", DISAGREE_COLOUR, entry.conflicting)
        self.evidence_list("Agrees", AGREE_COLOUR, entry.corroborating)
        self.evidence_list("Cited", tpl.NAVY, entry.cited_claims)
        for source in entry.cited_sources:
            paragraph = self.para("", tpl.EVIDENCE)
            _tag(paragraph, "Source", tpl.NAVY)
            self.cite(paragraph, source, with_title=True)
        for ref in entry.cited_urls:
            self.web_ref(ref)
        for note in entry.notes:
            self.para(note, tpl.EVIDENCE)
        if not (entry.conflicting or entry.corroborating or entry.cited_claims or entry.cited_sources
                or entry.cited_urls):
            self.para("No other source in the workspace addresses this claim.", tpl.EVIDENCE)
        self.para(entry.origin_summary(), tpl.META)

    def evidence_list(self, tag: str, colour: str, items: list[EvidenceClaim]) -> None:
        for item in items[:MAX_EVIDENCE_SHOWN]:
            paragraph = self.para("", tpl.EVIDENCE)
            _tag(paragraph, tag, colour)
            quote = paragraph.add_run(f"\u201c{shorten(item.text, QUOTE_CHARS)}\u201d")
            quote.italic = True
            paragraph.add_run(" \u2014 ")
            self.cite(paragraph, item.source)
            if item.same_origin:
                paragraph.add_run(" (same origin)")
            if item.reasons:
                paragraph.add_run(f". {shorten('; '.join(item.reasons), 160)}").font.color.rgb = \
                    RGBColor.from_string(tpl.MUTED)
            if _is_rtl(item.text):
                _set_rtl(paragraph)
        rest = items[MAX_EVIDENCE_SHOWN:]
        if rest:
            outlets = sorted({i.source.outlet_name for i in rest})
            self.para(f"\u2026 and {len(rest)} more ({shorten(', '.join(outlets), 200)}); all are listed under "
                      "Sources.", tpl.EVIDENCE)

    def web_ref(self, ref: WebRef) -> None:
        paragraph = self.para("", tpl.EVIDENCE)
        _tag(paragraph, "Link", tpl.NAVY)
        add_hyperlink(paragraph, ref.url, ref.url)
        if ref.note:
            paragraph.add_run(f" \u2014 {ref.note}")

    def sources(self) -> None:
        heading = self.heading("Sources", level=1)
        heading.paragraph_format.page_break_before = True
        for n, source in enumerate(self.brief.sources(), start=1):
            paragraph = self.para("", tpl.BIBLIOGRAPHY)
            paragraph.add_run(f"[{n}]\t")
            paragraph.add_run(source.outlet_name).bold = True
            if source.author:
                paragraph.add_run(f" ({source.author})")
            paragraph.add_run(f". \u201c{source.title or 'Untitled'}\u201d.")
            if source.when:
                paragraph.add_run(f" {source.when}.")
            if source.url:
                paragraph.add_run(" ")
                add_hyperlink(paragraph, source.url, source.url)
        web = self.brief.web_refs()
        if web:
            self.para("Other material cited", tpl.LABEL)
            for ref in web:
                paragraph = self.para("", tpl.BIBLIOGRAPHY)
                add_hyperlink(paragraph, ref.url, ref.url)
                if ref.note:
                    paragraph.add_run(f" \u2014 {ref.note}")

    def method(self) -> None:
        self.heading("Method", level=1)
        from workbench.export.model import METHOD_NOTE

        self.para(METHOD_NOTE.format(scale=self.brief.scale.label), tpl.NOTE)
        scale = self.brief.scale
        words = "; ".join(f"{r.name}: {r.description.rstrip('.')}" for r in scale.ratings if r.description)
        if words:
            self.para(f"Ratings \u2014 {words}.", tpl.NOTE)
        self.para(f"Prepared with the Fact-Checking Workbench on {_long_date(self.brief.created)}.", tpl.NOTE)


def _tag(paragraph, text: str, colour: str) -> None:
    run = paragraph.add_run(f"{text}\u00a0\u00a0")
    run.bold = True
    run.font.small_caps = True
    run.font.color.rgb = RGBColor.from_string(colour)


def _repeat_header(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _no_split(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _long_date(day) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def load_template(path: Path | None = None):
    """The brief template: ``path`` if given, else the one in resources/, else one built in memory."""
    candidate = path or (tpl.TEMPLATE_PATH if tpl.TEMPLATE_PATH.exists() else None)
    if candidate is None:
        doc = tpl.build_template()
    else:
        try:
            doc = docx.Document(str(candidate))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise ExportError(f"cannot use {candidate} as a brief template: not a readable .docx ({exc})") from exc
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    tpl.ensure_styles(doc)
    if not _has_page_field(doc):
        tpl.add_page_footer(doc.sections[0])
    return doc


def _has_page_field(doc) -> bool:
    for section in doc.sections:
        xml = section.footer._element.xml if section.footer is not None else ""
        if "PAGE" in xml:
            return True
    return False


def render_docx(brief: BriefData, *, template: Path | None = None):
    """The brief as a python-docx Document (not yet saved)."""
    doc = load_template(template)
    props = doc.core_properties
    props.title = brief.title
    props.author = brief.author or ""
    props.subject = f"Fact-check brief: {len(brief.entries)} claims"
    props.keywords = "fact-check; verification"
    renderer = _Renderer(brief, doc)
    renderer.cover()
    renderer.at_a_glance()
    renderer.claims()
    renderer.sources()
    renderer.method()
    return doc


def write_docx(brief: BriefData, target: Path | str, *, template: Path | None = None) -> Path:
    doc = render_docx(brief, template=template)
    return write_atomically(target, doc.save)
