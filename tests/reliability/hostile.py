"""Hostile files, built on the fly: zip bombs, entity tricks, deep or huge HTML, broken PDFs, bad bytes, huge text.

Shared by the hostile-input tests and `benchmarks/bench_hostile.py` (which measures time and memory for each).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx import Document as DocxDocument

SENTENCE = "The council said {n} homes in the valley lost power on Monday night."


def good_docx(text: str = "The bridge reopened on Friday, the transport office said.") -> bytes:
    doc = DocxDocument()
    doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _replace_part(data: bytes, name: str, content: bytes, *, compress=zipfile.ZIP_DEFLATED) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compress) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == name else src.read(info.filename))
    return out.getvalue()


def docx_zip_bomb() -> bytes:
    """A document.xml that inflates 1000-fold: 60 MB of XML whitespace from about 60 KB."""
    xml = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p>' + b" " * 60_000_000 +
           b"</w:body></w:document>")
    return _replace_part(good_docx(), "word/document.xml", xml)


def _entity_document(doctype: str, body: str, padding: int = 0) -> bytes:
    xml = ('<?xml version="1.0" encoding="UTF-8"?>' + "<!--" + "p" * padding + "-->" + doctype +
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
           f"<w:t>{body}</w:t></w:r></w:p><w:p><w:r><w:t>The bridge reopened on Friday, officials said."
           "</w:t></w:r></w:p></w:body></w:document>")
    return _replace_part(good_docx(), "word/document.xml", xml.encode())


LAUGHS = ('<!DOCTYPE w:document [<!ENTITY a "lol lol lol lol lol lol lol lol lol lol">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) + "]>")


def docx_billion_laughs() -> bytes:
    return _entity_document(LAUGHS, "&i;")


def docx_billion_laughs_hidden() -> bytes:
    """The same, with the DOCTYPE pushed past the first 8 KB by a comment (past any quick header check)."""
    return _entity_document(LAUGHS, "&i;", padding=9000)


def docx_external_entity() -> bytes:
    return _entity_document('<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;", padding=9000)


def html_deeply_nested(depth: int = 100_000) -> bytes:
    return (b"<html><body>" + b"<div>" * depth + b"<p>" + SENTENCE.format(n=5).encode() + b"</p>"
            + b"</div>" * depth + b"</body></html>")


def html_enormous(paragraphs: int = 60_000) -> bytes:
    para = "<p>" + SENTENCE + " Crews worked through the night to restore the lines.</p>\n"
    return ("<html><head><title>Power cut</title></head><body><article>"
            + "".join(para.format(n=i) for i in range(paragraphs)) + "</article></body></html>").encode()


def html_unclosed_tags(count: int = 150_000) -> bytes:
    return b"<html><body>" + b"<b><i><span>" * count + SENTENCE.format(n=7).encode()


def pdf_truncated() -> bytes:
    return _minimal_pdf()[:180]


def pdf_garbage() -> bytes:
    return b"%PDF-1.7\n" + bytes(range(256)) * 200 + b"\n%%EOF"


def pdf_self_referencing_pages() -> bytes:
    """A page tree whose /Kids points back at itself: naive walkers recurse forever."""
    return _minimal_pdf(kids="2 0 R")


def pdf_huge_declared_stream() -> bytes:
    return _minimal_pdf(length=10**12)


def _minimal_pdf(kids: str = "3 0 R", length: int | None = None) -> bytes:
    content = b"BT /F1 12 Tf 72 712 Td (The bridge reopened on Friday, officials said.) Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count 1 >>".encode(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {length if length is not None else len(content)} >>\nstream\n".encode() + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def text_invalid_utf8() -> bytes:
    return ("Power cut report\n\n" + SENTENCE.format(n=12)).encode() + b" \xff\xfe\xc3\x28 \xe2\x82 end.\n" * 50


def text_control_characters() -> bytes:
    controls = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\n\t") + "\x7f\u200b\ufeff\u2028"
    # Stray control characters in a real article (under 2% of it; more and the file is taken for binary).
    filler = " ".join(SENTENCE.format(n=i) for i in range(60))
    return f"Power cut\n\nThe council{controls} said 40 homes lost power. {filler}\n".encode()


def text_huge(megabytes: int = 50) -> bytes:
    line = (SENTENCE.format(n=1) + "\n").encode()
    return line * (megabytes * 2**20 // len(line) + 1)


def text_many_sentences(count: int = 100_000) -> bytes:
    return ("A very long article\n\n" + " ".join(SENTENCE.format(n=i) for i in range(count))).encode()


# name -> (file name, builder); the suffix picks the reader.
HOSTILE: dict[str, tuple[str, Callable[[], bytes]]] = {
    "docx zip bomb": ("bomb.docx", docx_zip_bomb),
    "docx billion laughs": ("laughs.docx", docx_billion_laughs),
    "docx billion laughs after 9 KB": ("laughs-hidden.docx", docx_billion_laughs_hidden),
    "docx external entity": ("xxe.docx", docx_external_entity),
    "html nested 100,000 deep": ("deep.html", html_deeply_nested),
    "html 60,000 paragraphs": ("huge.html", html_enormous),
    "html 450,000 unclosed tags": ("unclosed.html", html_unclosed_tags),
    "pdf truncated": ("truncated.pdf", pdf_truncated),
    "pdf garbage body": ("garbage.pdf", pdf_garbage),
    "pdf page tree loop": ("loop.pdf", pdf_self_referencing_pages),
    "pdf stream length 10^12": ("length.pdf", pdf_huge_declared_stream),
    "text invalid utf-8": ("bad-utf8.txt", text_invalid_utf8),
    "text control characters": ("controls.txt", text_control_characters),
    "text 50 MB": ("huge.txt", text_huge),
    "text 100,000 sentences": ("long.txt", text_many_sentences),
}


def write_hostile(folder: Path, names: list[str] | None = None) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name in names or list(HOSTILE):
        filename, build = HOSTILE[name]
        path = folder / filename
        path.write_bytes(build())
        out[name] = path
    return out
