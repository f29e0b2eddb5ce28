"""Property tests: any bytes or text at any reader end in a Document or an ImportFailed, never anything else."""

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ingest.samples import HARBOUR, docx_bytes, pdf_bytes
from workbench.domain.errors import ImportFailed
from workbench.ingest.normalize import normalize_text
from workbench.ingest.readers import READERS

SUFFIXES = sorted(READERS)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _outcome(path: Path, data: bytes):
    # The reader itself, not the service's catch-all: a reader may raise nothing but ImportFailed.
    try:
        doc = READERS[path.suffix](path, data)
    except ImportFailed as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    assert doc.body == normalize_text(doc.body)
    assert doc.body.strip()
    return doc


@FAST
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=3000))
def test_arbitrary_bytes_at_every_reader(suffix, data):
    _outcome(Path(f"x{suffix}"), data)


@FAST
@given(suffix=st.sampled_from(SUFFIXES), text=st.text(max_size=2000),
       encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
def test_arbitrary_text_at_every_reader(suffix, text, encoding):
    _outcome(Path(f"x{suffix}"), text.encode(encoding, errors="ignore"))


@FAST
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=400))
def test_stored_body_of_any_text_is_normalised(text):
    doc = _outcome(Path("x.txt"), text.encode("utf-8"))
    if doc is not None:
        assert normalize_text(doc.body) == doc.body


@pytest.mark.parametrize("suffix, make", [
    (".docx", lambda: docx_bytes(HARBOUR, title="Harbour")),
    (".pdf", lambda: pdf_bytes([[p[:80] for p in HARBOUR]])),
])
@FAST
@given(data=st.data())
def test_corrupted_real_files_fail_cleanly(suffix, make, data):
    original = bytearray(make())
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(original) - 1))
        original[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(original) // 3, len(original)))
    _outcome(Path(f"x{suffix}"), bytes(original[:cut]))


@FAST
@given(xml=st.text(max_size=500))
def test_docx_with_arbitrary_document_xml(xml):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes(["x"]))) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = xml.encode("utf-8", "ignore") if info.filename == "word/document.xml" else src.read(info)
            dst.writestr(info.filename, body)
    _outcome(Path("x.docx"), out.getvalue())
