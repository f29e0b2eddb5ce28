"""Builders for the test files the importers read: articles of our own as .md, .html, .docx and .pdf."""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path

HARBOUR = [
    "The harbour authority of Port Elden said on Tuesday that cargo volumes rose 12 percent in the first quarter, "
    "the strongest start to a year since the terminal opened.",
    "Officials credited a new rail link to the inland depot, which opened in January and now carries about 40 "
    "trains a week, up from 25 in the autumn.",
    "\u201cWe expected growth, but not this much,\u201d said Mara Lind, the authority\u2019s director of operations, "
    "adding that container traffic alone reached 310,000 units.",
    "Dock workers\u2019 unions have asked for a review of shift patterns, saying overtime has doubled since "
    "December and that safety checks are being rushed.",
    "The authority plans to publish a full traffic report in May, together with an assessment of the dredging "
    "work planned for the northern berth.",
]

LIBRARY = [
    "The city council of Brennholm voted 23 to 8 on Monday to keep all five branch libraries open, reversing a "
    "plan announced in March to close two of them.",
    "The plan would have saved an estimated 1.4 million crowns a year, according to the finance committee, "
    "which had proposed merging the branches into a central hub.",
    "More than 6,000 residents signed a petition against the closures, and a public hearing in April drew the "
    "largest crowd the council chamber has seen in a decade.",
    "Councillor Tomas Ek, who led the opposition, said the vote showed that libraries remain a core public "
    "service rather than a cost to be trimmed.",
]

WIND = [
    "A new offshore wind farm off the coast of Sandvik produced its first power on Friday, nine months after "
    "construction began, its operator said.",
    "The farm has 48 turbines with a combined capacity of 720 megawatts, enough to supply roughly 600,000 homes "
    "when running at full output, the company estimates.",
    "Fishermen in the area had opposed the project, arguing that the cables would disturb spawning grounds, "
    "and a court case on the matter is still pending.",
    "The operator said it expects the farm to be fully connected to the grid by the end of the summer.",
]

RAIL = [
    "Night trains between Ostavik and the capital will resume in June after a two-year pause, the national "
    "rail company announced on Wednesday.",
    "The service will run three times a week at first, with sleeper cabins priced from 89 euros, and daily "
    "from September if demand holds up.",
    "Passenger groups welcomed the return but said the timetable, which arrives in the capital at 9:40, is too "
    "late for commuters.",
    "The company said the pause had been needed to refurbish 14 carriages and to renew the signalling on the "
    "northern section of the line.",
]


def markdown(meta: dict, paragraphs: list[str]) -> str:
    lines = ["---"] + [f"{k}: {v}" for k, v in meta.items()] + ["---"]
    return "\n".join(lines) + "\n" + "\n\n".join(paragraphs) + "\n"


def html_page(*, title: str, site: str, paragraphs: list[str], published: str | None = None,
              author: str | None = None, url: str | None = None) -> str:
    """A saved news page: head metadata, cookie banner, navigation, the article, related links and a footer."""
    e = lambda s: html.escape(s, quote=True)  # noqa: E731
    head = [f"<title>{e(title)} | {e(site)}</title>", f'<meta property="og:site_name" content="{e(site)}">',
            f'<meta property="og:title" content="{e(title)}">']
    if url:
        head.append(f'<link rel="canonical" href="{e(url)}">')
    if published:
        head.append(f'<meta property="article:published_time" content="{published}T07:15:00+00:00">')
    if author:
        head.append(f'<meta name="author" content="{e(author)}">')
    byline = f'<p class="byline">By {e(author)}</p>' if author else ""
    body = "\n".join(f"<p>{e(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{''.join(head)}
<script>var tracking = "Accept the tracking cookies now";</script>
<style>.banner {{ color: red }}</style></head><body>
<div class="cookie-consent">We value your privacy. Manage cookie settings here. <button>Agree</button></div>
<nav><ul><li><a href="/">Front page</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/account">Log in to your subscriber profile</a></li></ul></nav>
<main><article><h1>{e(title)}</h1>{byline}
{body}
</article>
<aside class="related"><h3>Popular right now</h3><ul><li><a href="/a">Ten recipes for a rainy week</a></li>
<li><a href="/b">Local team wins cup final on penalties</a></li></ul></aside>
<section class="newsletter"><h3>Get the evening digest in your inbox</h3><form><input type="email"></form></section>
</main><footer><a href="/about">About the paper</a> | <a href="/ads">Place an advert</a>
<p>Copyright 2026 {e(site)}</p></footer></body></html>"""


TEMPLATE_TEXT = ["Manage cookie settings", "Log in to your subscriber profile", "Popular right now",
                 "Get the evening digest", "Place an advert", "tracking cookies", "Front page"]


def docx_bytes(paragraphs: list[str], *, title: str | None = None, author: str | None = None,
               title_style: bool = True, header_lines: list[str] = ()) -> bytes:
    """A real .docx written by python-docx: optional title paragraph, header lines, then the paragraphs."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = title or ""
    props.author = author or ""
    if title:
        document.add_paragraph(title, style="Title" if title_style else None)
    for line in header_lines:
        document.add_paragraph(line)
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(pages: list[list[str]], *, title: str | None = None, author: str | None = None,
              raw_ops: str = "", encrypt: bytes | None = None) -> bytes:
    """A minimal hand-written PDF: Helvetica text lines (ASCII), one list of lines per page.

    `raw_ops` are content operators written before the lines of every page; `encrypt` is an /Encrypt
    dictionary for the trailer (its /ID is PDF_ID); the content itself is never encrypted.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"] + ([raw_ops] if raw_ops else [])
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("cp1252")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                             + b"] /Count %d >>" % len(kids))
    info = None
    if title or author:
        fields = b""
        if title:
            fields += b"/Title (" + title.encode("cp1252") + b") "
        if author:
            fields += b"/Author (" + author.encode("cp1252") + b") "
        info = add(b"<< " + fields + b">>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info:
        trailer += b" /Info %d 0 R" % info
    if encrypt:
        trailer += b" /Encrypt " + encrypt + b" /ID [<%s> <%s>]" % (PDF_ID.hex().encode(), PDF_ID.hex().encode())
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


PDF_ID = bytes(range(16))
_PDF_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")


def _rc4(key: bytes, data: bytes) -> bytes:
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def aes_open_encrypt_dict(owner_password: bytes = b"owner") -> bytes:
    """An /Encrypt dictionary for AES-128 (revision 4) with an empty user password: the PDF opens without a
    password, as many published PDFs do. Values by the PDF 1.7 standard security handler, algorithms 2, 3, 5."""
    import hashlib

    def iterate(key: bytes, data: bytes) -> bytes:
        for i in range(20):
            data = _rc4(bytes(b ^ i for b in key), data)
        return data

    owner_key = hashlib.md5((owner_password + _PDF_PAD)[:32]).digest()
    for _ in range(50):
        owner_key = hashlib.md5(owner_key).digest()
    o_value = iterate(owner_key, _PDF_PAD)
    permissions = -4
    key = hashlib.md5(_PDF_PAD + o_value + permissions.to_bytes(4, "little", signed=True) + PDF_ID).digest()
    for _ in range(50):
        key = hashlib.md5(key).digest()
    u_value = iterate(key, hashlib.md5(_PDF_PAD + PDF_ID).digest()) + bytes(16)
    return (b"<< /Filter /Standard /V 4 /R 4 /Length 128 /P %d /O <%s> /U <%s> "
            b"/CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >> /StmF /StdCF /StrF /StdCF >>"
            % (permissions, o_value.hex().encode(), u_value.hex().encode()))


def wrap(text: str, width: int = 80) -> list[str]:
    """Lines of at most `width` characters, as a PDF lays out a paragraph."""
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return lines


def zip_bomb_docx() -> bytes:
    """A .docx-shaped zip whose document part inflates from about 20 kB to 20 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as part:
            chunk = b" " * (1 << 20)
            for _ in range(20):
                part.write(chunk)
    return out.getvalue()


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def ascii_only(text: str) -> str:
    return (text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u2014", "-"))

