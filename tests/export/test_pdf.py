"""The Word brief converts to PDF with LibreOffice (skipped when LibreOffice is not installed)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from workbench.export.docx import write_docx
from workbench.export.model import build_brief

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_brief_converts_to_a_paged_pdf(story, tmp_path):
    with story.ws.session() as s:
        brief = build_brief(s, include_all=True, title="Port Vesna fire")
    source = write_docx(brief, tmp_path / "brief.docx")
    profile = tmp_path / "lo-profile"        # a private profile: no clash with another running LibreOffice
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    reader = PdfReader(str(tmp_path / "brief.pdf"))
    assert len(reader.pages) >= 3
    first = reader.pages[0].extract_text()
    assert "Port Vesna fire" in first and "At a glance" in first
    last = reader.pages[-1].extract_text()
    assert "Method" in last
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in last      # the footer's fields were computed
    uris = {a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots", [])
            if a.get_object().get("/A", {}).get("/URI")}
    assert "https://nws.example/2025/03/04/port-vesna-fire" in uris          # links stay clickable in the PDF
