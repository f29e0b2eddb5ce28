"""The Word brief: cover, "At a glance" table, one section per claim, sources and method, on the template.

Paragraphs are written as WordprocessingML text and parsed in one go: python-docx's element-by-element API
costs ~50 ms per claim, too slow for a 500-claim brief. python-docx still loads the template, keeps its styles,
header and footer, and saves the package.
"""

from __future__ import annotations

import unicodedata
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from workbench.domain.errors import ExportError
from workbench.export import template as tpl
from workbench.export.model import METHOD_NOTE, BriefData, BriefEntry, EvidenceClaim, SourceRef, WebRef
from workbench.export.writer import write_atomically

MAX_EVIDENCE_SHOWN = 6       # per side; the rest are counted and listed under Sources
QUOTE_CHARS = 280            # evidence quotes are brief
TABLE_CLAIM_CHARS = 160
HEADING_CHARS = 90
AGREE_COLOUR, DISAGREE_COLOUR = "1E7B34", "B3261E"
NOT_RATED_COLOUR = "9AA5B1"
TWIPS_PER_CM = 567
GLANCE_COLUMNS = (("#", 0.7), ("Claim", 5.9), ("Source", 2.7), ("Rating", 3.2), ("Status", 2.4), ("Origins", 1.7))
NS = nsdecls("w", "r")


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > width * 0.6 else cut).rstrip(",;:-– ") + "…"


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left (Arabic, Hebrew, ...)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def claim_bookmark(claim_id: int) -> str:
    """The bookmark on a claim's heading; the At a glance table links its numbers to it."""
    return f"claim_{claim_id}"


def _long_date(day) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def _text_xml(text: str) -> str:
    """Run content: text with line breaks and tabs as Word elements."""
    out = []
    for i, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(out)


class Para:
    """One paragraph, built as XML text."""

    def __init__(self, style_id: str | None = None, *, page_break: bool = False):
        self.style_id = style_id
        self.page_break = page_break
        self.space_before: int | None = None     # in points, when a paragraph needs air the style lacks
        self.rtl = False
        self.parts: list[str] = []

    def run(self, text: str, *, bold=False, italic=False, caps=False, colour: str | None = None,
            shade: str | None = None, style_id: str | None = None) -> Para:
        if not text:
            return self
        props = []
        if style_id:
            props.append(f'<w:rStyle w:val="{style_id}"/>')
        if bold:
            props.append("<w:b/>")
        if italic:
            props.append("<w:i/>")
        if caps:
            props.append("<w:smallCaps/>")
        if colour:
            props.append(f'<w:color w:val="{colour}"/>')
        if shade:
            props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>')
        rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
        self.parts.append(f"<w:r>{rpr}{_text_xml(text)}</w:r>")
        if not self.parts[:-1] and is_rtl(text):
            self.rtl = True
        return self

    def link(self, r_id: str, text: str, style_id: str, *, anchor: bool = False) -> Para:
        """A hyperlink run: to an external relationship, or (``anchor``) to a bookmark in the document."""
        target = f'w:anchor="{r_id}"' if anchor else f'r:id="{r_id}"'
        self.parts.append(f'<w:hyperlink {target} w:history="1"><w:r><w:rPr><w:rStyle w:val="{style_id}"/>'
                          f"</w:rPr>{_text_xml(text)}</w:r></w:hyperlink>")
        return self

    def bookmark(self, number: int, name: str) -> Para:
        """Mark the paragraph's content as bookmark ``name`` (a target for internal links)."""
        self.parts.insert(0, f'<w:bookmarkStart w:id="{number}" w:name="{name}"/>')
        self.parts.append(f'<w:bookmarkEnd w:id="{number}"/>')
        return self

    def xml(self, declare: bool = True) -> str:
        ppr = []
        if self.style_id:
            ppr.append(f'<w:pStyle w:val="{self.style_id}"/>')
        if self.page_break:
            ppr.append("<w:pageBreakBefore/>")
        if self.rtl:
            ppr.append("<w:bidi/>")
        if self.space_before is not None:
            ppr.append(f'<w:spacing w:before="{self.space_before * 20}"/>')
        ppr_xml = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
        return f"<w:p{' ' + NS if declare else ''}>{ppr_xml}{''.join(self.parts)}</w:p>"


class _Renderer:
    def __init__(self, brief: BriefData, doc):
        self.brief = brief
        self.doc = doc
        self.numbers = brief.source_numbers()
        self.chunks: list[str] = []
        self._style_ids: dict[str, str] = {}
        self._rel_ids: dict[str, str] = {}

    # -- helpers -----------------------------------------------------------------------------------------
    def sid(self, name: str) -> str:
        """A named style's id, looked up once (python-docx searches every style on each lookup)."""
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        return self._style_ids[name]

    def para(self, text: str = "", style: str | None = None, **run) -> Para:
        paragraph = Para(self.sid(style) if style else None)
        paragraph.run(text, **run)
        self.chunks.append(paragraph)
        return paragraph

    def heading(self, text: str, level: int, *, page_break: bool = False) -> Para:
        paragraph = self.para(text, f"Heading {level}")
        paragraph.page_break = page_break
        return paragraph

    def link(self, paragraph: Para, url: str, text: str) -> None:
        """A real clickable link (w:hyperlink with an external relationship); plain text for other schemes."""
        if not url.lower().startswith(("http://", "https://", "mailto:")):
            paragraph.run(text)
            return
        if url not in self._rel_ids:
            self._rel_ids[url] = self.doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
        paragraph.link(self._rel_ids[url], text, self.sid(tpl.HYPERLINK))

    def label(self, paragraph: Para, name: str, colour: str | None) -> None:
        """A coloured rating label: white capitals on the rating's colour."""
        text = "\u00a0" + name.upper().replace(" ", "\u00a0") + "\u00a0"
        paragraph.run(text, style_id=self.sid(tpl.RATING), shade=colour or NOT_RATED_COLOUR)

    def cite(self, paragraph: Para, source: SourceRef, *, with_title: bool = False) -> None:
        """Outlet (linked), [title,] date and the bibliography number."""
        if source.url:
            self.link(paragraph, source.url, source.outlet_name)
        else:
            paragraph.run(source.outlet_name)
        if with_title and source.title:
            paragraph.run(f", \u201c{source.title}\u201d")
        if source.when:
            paragraph.run(f", {source.when}")
        paragraph.run(f" [{self.numbers[source.id]}]")

    @staticmethod
    def tag(paragraph: Para, text: str, colour: str) -> None:
        paragraph.run(f"{text}\u00a0\u00a0", bold=True, caps=True, colour=colour)

    def flush(self) -> None:
        """Parse everything written so far in one go and put it in the body, before the section properties."""
        xml = "".join(c if isinstance(c, str) else c.xml(declare=False) for c in self.chunks)
        holder = parse_xml(f"<w:body {NS}>{xml}</w:body>")
        sect = self.doc.element.body.find(qn("w:sectPr"))
        for child in list(holder):
            if sect is not None:
                sect.addprevious(child)
            else:
                self.doc.element.body.append(child)
        self.chunks = []

    # -- parts -------------------------------------------------------------------------------------------
    def cover(self) -> None:
        b = self.brief
        self.para("Verification brief", tpl.KICKER)
        self.para(b.title, "Title")
        count = len(b.entries)
        self.para(f"{count} claim{'s' if count != 1 else ''} checked \u00b7 {_long_date(b.created)}", "Subtitle")
        for name, value in (("Author", b.author), ("Date", _long_date(b.created)), ("Workspace", b.workspace),
                            ("Claims", f"{count} ({b.selection})"), ("Rating scale", b.scale.label)):
            if value:
                self.para(f"{name}: ", tpl.META, bold=True).run(value)
        self.para(b.summary or self.auto_summary(), tpl.SUMMARY)

    def auto_summary(self) -> str:
        counts = ", ".join(f"{n} rated {name}" if name != "Not rated" else f"{n} not yet rated"
                           for name, n in self.brief.rating_counts())
        n = len(self.brief.entries)
        return f"This brief reviews {n} claim{'s' if n != 1 else ''} from the collected coverage: {counts}."

    def at_a_glance(self) -> None:
        self.heading("At a glance", 1)
        counts = self.para("", tpl.META)
        for i, (name, n) in enumerate(self.brief.rating_counts()):
            rating = self.brief.scale.find(name)
            if i:
                counts.run("   ")
            self.label(counts, name, rating.colour if rating else None)
            counts.run(f" {n}", bold=True)
        self.chunks.append(self.glance_table())
        note = self.para("Origins: independent reports behind the claim; copies of one wire story count once.",
                         tpl.NOTE)
        note.space_before = 4

    def glance_table(self) -> str:
        widths = [round(cm * TWIPS_PER_CM) for _, cm in GLANCE_COLUMNS]
        text_style = self.sid(tpl.TABLE_TEXT)

        def cell(width: int, paragraph: Para, fill: str | None = None) -> str:
            shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
            return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>{paragraph.xml(False)}</w:tc>'

        rows = ["<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" + "".join(
            cell(w, Para(text_style).run(title, bold=True, colour="FFFFFF"), tpl.NAVY)
            for (title, _), w in zip(GLANCE_COLUMNS, widths)) + "</w:tr>"]
        for n, entry in enumerate(self.brief.entries, start=1):
            rating = Para(text_style)
            self.label(rating, entry.rating_name, entry.rating.colour if entry.rating else None)
            claim = Para(text_style).run(shorten(entry.text, TABLE_CLAIM_CHARS))
            source = Para(text_style).run(entry.source.outlet_name)
            number = Para(text_style).link(claim_bookmark(entry.claim_id), str(n), self.sid(tpl.HYPERLINK),
                                           anchor=True)
            paragraphs = (number, claim, source, rating,
                          Para(text_style).run(entry.status), Para(text_style).run(str(entry.origins_count)))
            rows.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                        + "".join(cell(w, p) for w, p in zip(widths, paragraphs)) + "</w:tr>")
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        return (f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.sid(tpl.TABLE)}"/><w:tblW w:w="{sum(widths)}" '
                'w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
                '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
                f'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')

    def claims(self) -> None:
        self.heading("Claims", 1, page_break=True)
        for n, entry in enumerate(self.brief.entries, start=1):
            self.claim_section(n, entry)

    def claim_section(self, n: int, entry: BriefEntry) -> None:
        self.heading(f"{n}. {shorten(entry.text, HEADING_CHARS)}", 2).bookmark(n, claim_bookmark(entry.claim_id))
        line = self.para("", tpl.META)
        self.label(line, entry.rating_name, entry.rating.colour if entry.rating else None)
        line.run(f"  {entry.status.capitalize()} \u00b7 claim #{entry.claim_id}")
        self.para(f"\u201c{entry.text}\u201d", tpl.CLAIM)
        if entry.speaker or entry.attribution:
            said = " \u00b7 ".join(x for x in (entry.speaker and f"Said by {entry.speaker}",
                                               entry.attribution and f"attributed to {entry.attribution}") if x)
            self.para(said[:1].upper() + said[1:], tpl.META)

        self.para("Where it appeared", tpl.LABEL)
        where = self.para()
        self.cite(where, entry.source, with_title=True)
        if entry.source.author:
            where.run(f", by {entry.source.author}")
        first = entry.first_seen()
        if first is not None:
            earlier = self.para("First seen in the coverage: ", tpl.META)
            self.cite(earlier, first, with_title=True)

        self.para("Verdict", tpl.LABEL)
        lines = [line.strip() for line in entry.rationale.split("\n") if line.strip()]
        for text in lines:
            self.para(text)
        if not lines:
            self.para("No rationale recorded yet.", italic=True)
        if entry.reviewer or entry.reviewed_on:
            by = f"Reviewed{f' by {entry.reviewer}' if entry.reviewer else ''}"
            self.para(f"{by}{f', {_long_date(entry.reviewed_on)}' if entry.reviewed_on else ''}.", tpl.META)

        self.para("Evidence", tpl.LABEL)
        self.evidence_list("Disagrees", DISAGREE_COLOUR, entry.conflicting)
        self.evidence_list("Agrees", AGREE_COLOUR, entry.corroborating)
        self.evidence_list("Cited", tpl.NAVY, entry.cited_claims)
        for source in entry.cited_sources:
            paragraph = self.para("", tpl.EVIDENCE)
            self.tag(paragraph, "Source", tpl.NAVY)
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
            self.tag(paragraph, tag, colour)
            paragraph.run(f"\u201c{shorten(item.text, QUOTE_CHARS)}\u201d", italic=True)
            paragraph.run(" \u2014 ")
            self.cite(paragraph, item.source)
            if item.same_origin:
                paragraph.run(" (same origin)")
            if item.reasons:
                paragraph.run(f". {shorten('; '.join(item.reasons), 160)}", colour=tpl.MUTED)
            paragraph.rtl = is_rtl(item.text)
        rest = items[MAX_EVIDENCE_SHOWN:]
        if rest:
            outlets = sorted({i.source.outlet_name for i in rest})
            self.para(f"\u2026 and {len(rest)} more ({shorten(', '.join(outlets), 200)}); all are listed under "
                      "Sources.", tpl.EVIDENCE)

    def web_ref(self, ref: WebRef) -> None:
        paragraph = self.para("", tpl.EVIDENCE)
        self.tag(paragraph, "Link", tpl.NAVY)
        self.link(paragraph, ref.url, ref.url)
        if ref.note:
            paragraph.run(f" \u2014 {ref.note}")

    def sources(self) -> None:
        self.heading("Sources", 1, page_break=True)
        for n, source in enumerate(self.brief.sources(), start=1):
            paragraph = self.para(f"[{n}]\t", tpl.BIBLIOGRAPHY)
            paragraph.run(source.outlet_name, bold=True)
            if source.author:
                paragraph.run(f" ({source.author})")
            paragraph.run(f". \u201c{source.title or 'Untitled'}\u201d.")
            if source.when:
                paragraph.run(f" {source.when}.")
            if source.url:
                paragraph.run(" ")
                self.link(paragraph, source.url, source.url)
        web = self.brief.web_refs()
        if web:
            self.para("Other material cited", tpl.LABEL)
            for ref in web:
                paragraph = self.para("", tpl.BIBLIOGRAPHY)
                self.link(paragraph, ref.url, ref.url)
                if ref.note:
                    paragraph.run(f" \u2014 {ref.note}")

    def method(self) -> None:
        self.heading("Method", 1)
        self.para(METHOD_NOTE.format(scale=self.brief.scale.label), tpl.NOTE)
        words = "; ".join(f"{r.name}: {r.description.rstrip('.')}" for r in self.brief.scale.ratings if r.description)
        if words:
            self.para(f"Ratings \u2014 {words}.", tpl.NOTE)
        self.para(f"Prepared with the Fact-Checking Workbench on {_long_date(self.brief.created)}.", tpl.NOTE)


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
    if not any("PAGE" in s.footer._element.xml for s in doc.sections):
        tpl.add_page_footer(doc.sections[0])
    return doc


def render_docx(brief: BriefData, *, template: Path | None = None):
    """The brief as a python-docx Document (not yet saved)."""
    doc = load_template(template)
    props = doc.core_properties
    props.title = brief.title
    props.author = brief.author or ""
    props.subject = f"Fact-check brief: {len(brief.entries)} claims"
    props.keywords = "fact-check; verification"
    props.last_modified_by = brief.author or ""
    props.created = props.modified = datetime.now(timezone.utc).replace(tzinfo=None)
    props.revision = 1
    renderer = _Renderer(brief, doc)
    renderer.cover()
    renderer.at_a_glance()
    renderer.claims()
    renderer.sources()
    renderer.method()
    renderer.flush()
    return doc


def write_docx(brief: BriefData, target: Path | str, *, template: Path | None = None) -> Path:
    doc = render_docx(brief, template=template)
    return write_atomically(target, doc.save)

