"""The Word brief's template: named styles a newsroom can restyle, a header with a logo, a paged footer.

`resources/make_template.py` saves :func:`build_template` as `resources/brief-template.docx`. A newsroom edits that
file in Word (fonts, colours, the logo picture in the header) and the brief keeps its look; :func:`ensure_styles`
adds any style a customised template lacks, so an older or trimmed template still works.
"""

from __future__ import annotations

import struct
import zlib
from io import BytesIO
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor, Twips

TEMPLATE_PATH = Path(__file__).resolve().parents[2] / "resources" / "brief-template.docx"

INK, NAVY, ACCENT, MUTED, RULE, PAPER = "1F2933", "1F3A5F", "B3261E", "5F6B7A", "C9D2DC", "F3F5F8"
SERIF, SANS = "Georgia", "Calibri"

# Style names the brief uses (the built-in Title / Subtitle / Heading 1-3 are used too).
KICKER = "Brief Kicker"
META = "Brief Meta"
SUMMARY = "Brief Summary"
CLAIM = "Brief Claim"
EVIDENCE = "Brief Evidence"
LABEL = "Brief Label"
BIBLIOGRAPHY = "Brief Bibliography"
NOTE = "Brief Note"
TABLE_TEXT = "Brief Table Text"
TABLE = "Brief Table"
HYPERLINK = "Hyperlink"
RATING = "Brief Rating"


def _font(style, *, name=None, size=None, bold=None, italic=None, colour=None, caps=None) -> None:
    font = style.font
    if name:
        font.name = name
        rpr = style.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), name)
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    if colour:
        font.color.rgb = RGBColor.from_string(colour)
    if caps is not None:
        font.small_caps = caps


def _spacing(style, *, before=None, after=None, line=None, left=None, hanging=None, keep_next=None) -> None:
    fmt = style.paragraph_format
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing = line
    if left is not None:
        fmt.left_indent = Cm(left)
    if hanging is not None:
        fmt.first_line_indent = Cm(-hanging)
    if keep_next is not None:
        fmt.keep_with_next = keep_next


# The order ECMA-376 prescribes for a paragraph's properties (CT_PPrBase, then rPr/sectPr/pPrChange).
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)


def _put_in_order(ppr, element) -> None:
    """Add a pPr child where the schema wants it (Word calls a file with misordered properties unreadable)."""
    position = next(i for i, t in enumerate(PPR_ORDER) if qn(t) == element.tag)
    ppr.insert_element_before(element, *PPR_ORDER[position + 1:])


def _border(style, side: str, colour: str, size_eighths: int, space: int = 4) -> None:
    ppr = style.element.get_or_add_pPr()
    pbdr = ppr.find(qn("w:pBdr"))
    if pbdr is None:
        pbdr = parse_xml(f"<w:pBdr {nsdecls('w')}/>")
        _put_in_order(ppr, pbdr)
    pbdr.append(parse_xml(
        f'<w:{side} {nsdecls("w")} w:val="single" w:sz="{size_eighths}" w:space="{space}" w:color="{colour}"/>'))


def _shade(style, fill: str) -> None:
    _put_in_order(style.element.get_or_add_pPr(),
                  parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def _paragraph_style(doc, name: str, base: str = "Normal"):
    styles = doc.styles
    if name in [s.name for s in styles]:
        return None
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.quick_style = True
    return style


def _add_custom_styles(doc) -> None:
    style = _paragraph_style(doc, KICKER)
    if style is not None:
        _font(style, name=SANS, size=10, bold=True, colour=ACCENT, caps=True)
        _spacing(style, before=0, after=4)
    style = _paragraph_style(doc, META)
    if style is not None:
        _font(style, name=SANS, size=9, colour=MUTED)
        _spacing(style, before=0, after=2, keep_next=True)
    style = _paragraph_style(doc, SUMMARY)
    if style is not None:
        _font(style, name=SERIF, size=12, colour=INK)
        _spacing(style, before=12, after=8, line=1.3)
    style = _paragraph_style(doc, CLAIM)
    if style is not None:
        _font(style, name=SERIF, size=12, italic=True, colour=INK)
        _spacing(style, before=6, after=6, line=1.25, left=0.4, keep_next=True)
        _border(style, "left", NAVY, 24, 8)
        _shade(style, PAPER)
    style = _paragraph_style(doc, EVIDENCE)
    if style is not None:
        _font(style, name=SANS, size=9.5, colour=INK)
        _spacing(style, before=2, after=4, left=0.6, hanging=0.3)
    style = _paragraph_style(doc, LABEL)
    if style is not None:
        _font(style, name=SANS, size=8.5, bold=True, colour=MUTED, caps=True)
        _spacing(style, before=8, after=2, keep_next=True)
    style = _paragraph_style(doc, BIBLIOGRAPHY)
    if style is not None:
        _font(style, name=SANS, size=9.5, colour=INK)
        _spacing(style, before=0, after=4, left=0.8, hanging=0.8)
    style = _paragraph_style(doc, NOTE)
    if style is not None:
        _font(style, name=SANS, size=9, colour=MUTED)
        _spacing(style, before=0, after=6, line=1.2)
    style = _paragraph_style(doc, TABLE_TEXT)
    if style is not None:
        _font(style, name=SANS, size=9, colour=INK)
        _spacing(style, before=1, after=1, line=1.0)
    if RATING not in [s.name for s in doc.styles]:
        style = doc.styles.add_style(RATING, WD_STYLE_TYPE.CHARACTER)
        style.quick_style = True
        _font(style, name=SANS, size=8.5, bold=True, colour="FFFFFF", caps=True)
    if HYPERLINK not in [s.name for s in doc.styles]:
        style = doc.styles.add_style(HYPERLINK, WD_STYLE_TYPE.CHARACTER)
        style.font.color.rgb = RGBColor.from_string("1F5FA8")
        style.font.underline = True
    if TABLE not in [s.name for s in doc.styles]:
        doc.styles.element.append(parse_xml(_TABLE_STYLE_XML))


_TABLE_STYLE_XML = f"""
<w:style {nsdecls('w')} w:type="table" w:customStyle="1" w:styleId="BriefTable">
  <w:name w:val="{TABLE}"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="40"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:rFonts w:ascii="{SANS}" w:hAnsi="{SANS}" w:cs="{SANS}"/><w:sz w:val="18"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="8" w:space="0" w:color="{NAVY}"/>
      <w:bottom w:val="single" w:sz="8" w:space="0" w:color="{NAVY}"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="60" w:type="dxa"/><w:left w:w="90" w:type="dxa"/>
      <w:bottom w:w="60" w:type="dxa"/><w:right w:w="90" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tblPr/>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{NAVY}"/></w:tcPr>
  </w:tblStylePr>
</w:style>
"""


def _restyle_builtins(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _font(normal, name=SANS, size=10.5, colour=INK)
    _spacing(normal, before=0, after=6, line=1.15)
    _font(styles["Title"], name=SERIF, size=30, bold=True, colour=NAVY)
    _spacing(styles["Title"], before=0, after=6)
    title_ppr = styles["Title"].element.get_or_add_pPr()
    for old in title_ppr.findall(qn("w:pBdr")):      # the stock Title has a blue rule under it
        title_ppr.remove(old)
    _font(styles["Subtitle"], name=SANS, size=13, italic=False, colour=MUTED)
    _spacing(styles["Subtitle"], before=0, after=18)
    for name, size, before in (("Heading 1", 18, 20), ("Heading 2", 13.5, 16), ("Heading 3", 11, 10)):
        style = styles[name]
        _font(style, name=SERIF, size=size, bold=True, colour=NAVY)
        _spacing(style, before=before, after=6, keep_next=True)
    _border(styles["Heading 1"], "bottom", RULE, 6, 4)
    _font(styles["Header"], name=SANS, size=8.5, colour=MUTED)
    _font(styles["Footer"], name=SANS, size=8.5, colour=MUTED)


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (PAGE, NUMPAGES): Word and LibreOffice compute it when the page is laid out."""
    for xml in (
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {nsdecls("w")}><w:t>{placeholder}</w:t></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))


def add_page_footer(section) -> None:
    """"Page N of M" at the right of the footer."""
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.style = "Footer"
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run("Page ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES", "1")


def _header(doc, section) -> None:
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = "Header"
    width = section.page_width - section.left_margin - section.right_margin
    tabs = paragraph.paragraph_format.tab_stops
    for inherited in (Twips(4680), Twips(9360)):     # the stock Header style's centre and right tabs
        tabs.add_tab_stop(inherited, WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run().add_picture(BytesIO(logo_png()), height=Cm(0.9))
    paragraph.add_run("\tFACT-CHECK BRIEF")
    _border_paragraph(paragraph, "bottom", RULE)


def _border_paragraph(paragraph, side: str, colour: str) -> None:
    _put_in_order(paragraph._p.get_or_add_pPr(), parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:{side} w:val="single" w:sz="4" w:space="4" w:color="{colour}"/></w:pBdr>'))


KEEP_TABLE_STYLES = {"TableNormal", "TableGrid"}


def _prune(doc) -> None:
    """Drop what python-docx's stock document carries but a brief never uses (≈150 table styles, the duplicate
    stylesWithEffects part); a smaller template opens and saves faster."""
    styles = doc.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) not in KEEP_TABLE_STYLES:
            styles.remove(style)
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(r_id)
    package_rels = doc.part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):      # a picture of python-docx's sample page, not of a brief
            del package_rels[r_id]


def build_template() -> docx.document.Document:
    """A fresh template document: styles, A4 page, logo header, paged footer, and an empty body."""
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)
    _prune(doc)
    _restyle_builtins(doc)
    _add_custom_styles(doc)
    _header(doc, section)
    add_page_footer(section)
    doc.core_properties.title = "Fact-check brief"
    doc.core_properties.subject = "Template for briefs exported by the Fact-Checking Workbench"
    doc.core_properties.author = "Fact-Checking Workbench"
    return doc


def ensure_styles(doc) -> None:
    """Add the brief's styles that a (customised) template does not define; existing ones are left alone."""
    _add_custom_styles(doc)


# ---- the logo placeholder: a small PNG drawn here, so the template needs no image tools -----------------------

_GLYPHS = {
    "Y": ("10001", "10001", "01010", "00100", "00100", "00100", "00100"),
    "O": ("01110", "10001", "10001", "10001", "10001", "10001", "01110"),
    "U": ("10001", "10001", "10001", "10001", "10001", "10001", "01110"),
    "R": ("11110", "10001", "10001", "11110", "10100", "10010", "10001"),
    "L": ("10000", "10000", "10000", "10000", "10000", "10000", "11111"),
    "G": ("01110", "10001", "10000", "10111", "10001", "10001", "01111"),
    " ": ("00000",) * 7,
}


def logo_png(text: str = "YOUR LOGO", scale: int = 6) -> bytes:
    """A navy badge with white block letters: replace it in Word with the newsroom's own logo."""
    pad = 3 * scale
    glyph_w = 6 * scale
    width, height = pad * 2 + glyph_w * len(text) - scale, pad * 2 + 7 * scale
    navy = bytes.fromhex(NAVY)
    rows = []
    for y in range(height):
        row = bytearray(navy * width)
        gy = (y - pad) // scale
        if 0 <= gy < 7 and y >= pad:
            for i, ch in enumerate(text):
                bits = _GLYPHS[ch][gy]
                for gx, bit in enumerate(bits):
                    if bit == "1":
                        x0 = pad + i * glyph_w + gx * scale
                        row[x0 * 3:(x0 + scale) * 3] = b"\xff" * (3 * scale)
        rows.append(b"\x00" + bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))
