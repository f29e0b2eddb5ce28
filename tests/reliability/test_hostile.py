"""Hostile input: each file fails alone with a one-line reason or imports safely; nothing else is harmed."""

import pytest

from tests.reliability.hostile import HOSTILE, html_enormous, text_many_sentences, write_hostile
from workbench.services.doctor import run_doctor
from workbench.services.importing import import_paths
from workbench.services.sources import source_detail
from workbench.storage.workspace import integrity_ok

MUST_FAIL = {
    "docx zip bomb": "zip bomb",
    "docx billion laughs": "entities",
    "html 450,000 unclosed tags": "too many elements",
    "pdf truncated": "PDF",
    "pdf garbage body": "PDF",
    "text 50 MB": "over the 25 MB limit",
}
MUST_IMPORT = {
    "text invalid utf-8": "The council said 12 homes in the valley lost power",
    "text control characters": "said 40 homes lost power. The council",  # controls gone, separators are breaks
    "text 100,000 sentences": "The council said 9999 homes in the valley lost power",
}


# Full sizes run in the slow test and in benchmarks/bench_hostile.py; the quick test uses smaller giants.
QUICK_SIZES = {"html 60,000 paragraphs": lambda: html_enormous(2_000),
               "text 100,000 sentences": lambda: text_many_sentences(10_000)}


def _files(folder, *, quick):
    files = write_hostile(folder)
    if quick:
        for name, build in QUICK_SIZES.items():
            files[name].write_bytes(build())
    good = folder / "good.md"
    good.write_text("# Bridge reopens\n\nThe bridge reopened on Friday, the transport office said.\n")
    return files, good


def test_every_hostile_file_fails_alone_or_imports_safely(ws, tmp_path):
    _check_import(ws, *_files(tmp_path, quick=True), sentences=10_000)


@pytest.mark.slow
def test_full_size_hostile_files(ws, tmp_path):
    _check_import(ws, *_files(tmp_path, quick=False), sentences=100_000)


def _check_import(ws, files, good, *, sentences):
    report = import_paths(ws, [*files.values(), good])
    imported = {item["path"]: item["source_id"] for item in report.imported}
    failed = {item["path"]: item["error"] for item in report.failed}
    assert str(good) in imported                                   # the good file is never harmed
    for name, path in files.items():
        assert (str(path) in imported) != (str(path) in failed), name   # each file accounted for, once
        if str(path) in failed:
            message = failed[str(path)]
            assert "\n" not in message and len(message) < 300 and "Traceback" not in message, (name, message)
    for name, fragment in MUST_FAIL.items():
        assert fragment in failed.get(str(files[name]), ""), (name, failed.get(str(files[name])))
    with ws.session() as s:
        for name, fragment in MUST_IMPORT.items():
            body = source_detail(s, imported[str(files[name])])["body"]
            assert fragment in body, name
            assert not any(ord(c) < 32 and c not in "\n\t" for c in body), name
        assert source_detail(s, imported[str(files["text 100,000 sentences"])])["body"].count("lost power") \
            == sentences                                            # nothing lost from a very long article
        for name in ("docx billion laughs after 9 KB", "docx external entity"):
            if str(files[name]) in imported:
                body = source_detail(s, imported[str(files[name])])["body"]
                assert "lol lol" not in body and "root:" not in body, name   # entities never expanded
    assert integrity_ok(ws)
    assert run_doctor(ws.path).unresolved == []


def test_the_catalogue_covers_every_reader():
    suffixes = {filename.rsplit(".", 1)[1] for filename, _ in HOSTILE.values()}
    assert suffixes >= {"docx", "html", "pdf", "txt"}


def test_a_giant_text_keeps_its_most_checkworthy_claims_and_says_so(ws, tmp_path):
    """Bounded work after import: a 100,000-sentence text would take hours to cross-check claim by claim."""
    from sqlalchemy import func, select

    from workbench.services.extraction import MAX_CLAIMS_PER_SOURCE, extract_sources
    from workbench.storage.models import Claim

    path = tmp_path / "long.txt"
    path.write_bytes(text_many_sentences(MAX_CLAIMS_PER_SOURCE + 300))
    report = import_paths(ws, [path])
    extract_sources(ws, report.source_ids)
    with ws.session() as s:
        detail = source_detail(s, report.source_ids[0])
        assert detail["body"].count("lost power") == MAX_CLAIMS_PER_SOURCE + 300     # the text is all kept
        assert s.scalar(select(func.count(Claim.id))) == MAX_CLAIMS_PER_SOURCE
        assert any("most check-worthy" in w for w in detail["warnings"])
