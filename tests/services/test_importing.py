"""Importing files and folders into a real workspace: metadata per format, duplicates, bad input in a batch."""

import os
import re
import random
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from tests.ingest.samples import (
    HARBOUR, LIBRARY, RAIL, WIND, ascii_only, docx_bytes, html_page, markdown, pdf_bytes, wrap, write_bytes,
    zip_bomb_docx,
)
from workbench.ingest.normalize import normalize_text
from workbench.services.importing import find_duplicate, import_paths, import_url, parse_document
from workbench.storage.models import Source, SourceFile, SourceFingerprint


def mixed_folder(root: Path) -> dict[str, tuple[str, str, date | None]]:
    """Four articles, one per format, each with its own layout of metadata; returns name -> expected."""
    write_bytes(root / "harbour.md", markdown(
        {"title": "Harbour traffic jumps", "outlet": "Port Elden Gazette", "published": "2025-06-10"},
        HARBOUR).encode())
    write_bytes(root / "web" / "libraries.html", html_page(
        title="Libraries stay open", site="Brennholm Courier", paragraphs=LIBRARY, published="2025-03-04",
        author="Ana Berg").encode())
    write_bytes(root / "rail.docx", docx_bytes(
        RAIL, title="Night trains return", header_lines=["Ostavik Post \u2014 12 February 2025",
                                                         "https://post.example/night-trains"]))
    pdf_lines = ["Wind farm starts up", "By Lars Holm | Sandvik Daily | May 2, 2025", ""]
    for p in WIND:
        pdf_lines += wrap(ascii_only(p)) + [""]
    write_bytes(root / "scans" / "wind.pdf", pdf_bytes([pdf_lines], title="Wind farm starts up"))
    return {
        "harbour.md": ("Harbour traffic jumps", "Port Elden Gazette", date(2025, 6, 10)),
        "libraries.html": ("Libraries stay open", "Brennholm Courier", date(2025, 3, 4)),
        "rail.docx": ("Night trains return", "Ostavik Post", date(2025, 2, 12)),
        "wind.pdf": ("Wind farm starts up", "Sandvik Daily", date(2025, 5, 2)),
    }


def test_mixed_folder_imports_with_metadata_and_a_second_import_reports_only_duplicates(ws, tmp_path):
    expected = mixed_folder(tmp_path / "in")
    report = import_paths(ws, [tmp_path / "in"])
    assert report.failed == [] and report.duplicates == []
    assert sorted(Path(i["path"]).name for i in report.imported) == sorted(expected)
    with ws.session() as s:
        for item in report.imported:
            source = s.get(Source, item["source_id"])
            title, outlet, published = expected[Path(item["path"]).name]
            assert (source.title, source.outlet, source.published) == (title, outlet, published)
            assert item["published"] == published.isoformat()
            assert source.body == normalize_text(source.body)
            assert source.original.data == Path(item["path"]).read_bytes()
            assert "Harbour traffic jumps" not in source.body or source.format == "md"
        assert s.scalar(select(func.count(SourceFingerprint.hash))) > 0
    again = import_paths(ws, [tmp_path / "in"])
    assert again.imported == [] and again.failed == []
    assert sorted(d["source_id"] for d in again.duplicates) == sorted(report.source_ids)


def test_copy_in_another_format_with_other_title_and_byline_lines_is_a_duplicate(ws, tmp_path):
    first = import_paths(ws, [write_bytes(tmp_path / "a.md", markdown(
        {"title": "Libraries stay open", "outlet": "Brennholm Courier"}, LIBRARY).encode())])
    html = html_page(title="Council keeps all five libraries", site="Brennholm Courier", paragraphs=LIBRARY,
                     author="Ana Berg", published="2025-03-04")
    docx = docx_bytes(LIBRARY, title="Libraries: a reversal", header_lines=["By Ana Berg | Brennholm Courier"])
    # An extractor that merged two paragraphs and lost the last one is still the same article.
    shortened = markdown({"title": "x"}, [LIBRARY[0] + " " + LIBRARY[1], LIBRARY[2]]).encode()
    report = import_paths(ws, [write_bytes(tmp_path / "b.html", html.encode()),
                               write_bytes(tmp_path / "c.docx", docx),
                               write_bytes(tmp_path / "d.txt", shortened)])
    assert report.imported == [] and report.failed == []
    assert [d["source_id"] for d in report.duplicates] == first.source_ids * 3


def test_same_text_from_another_outlet_is_stored_as_a_syndicated_copy(ws, tmp_path):
    a = import_paths(ws, [write_bytes(tmp_path / "a.md", markdown({"outlet": "Nordwire"}, RAIL).encode())])
    b = import_paths(ws, [write_bytes(tmp_path / "b.md", markdown({"outlet": "Ostavik Post"}, RAIL).encode())])
    assert len(b.imported) == 1 and b.duplicates == []
    assert any(f"#{a.source_ids[0]}" in w["warning"] for w in b.warnings)


def test_different_articles_are_not_duplicates(ws, tmp_path):
    paths = [write_bytes(tmp_path / f"{i}.txt", "\n".join(p).encode()) for i, p in
             enumerate([HARBOUR, LIBRARY, RAIL, WIND])]
    report = import_paths(ws, paths)
    assert len(report.imported) == 4 and report.duplicates == []


def test_a_trashed_source_does_not_block_a_new_import(ws, tmp_path):
    path = write_bytes(tmp_path / "a.txt", "\n".join(WIND).encode())
    first = import_paths(ws, [path])
    with ws.session() as s:
        s.get(Source, first.source_ids[0]).deleted_at = s.get(Source, first.source_ids[0]).imported_at
    assert len(import_paths(ws, [path]).imported) == 1


def test_near_duplicate_lookup_uses_the_index(ws):
    with ws.engine.connect() as conn:
        plan = " ".join(str(r) for r in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT source_id, count(hash) FROM source_fingerprints "
            "WHERE hash IN (1, 2, 3) GROUP BY source_id")))
    assert "ix_source_fingerprints_hash_source" in plan and "COVERING" in plan


def test_each_bad_file_fails_alone_with_a_reason_and_the_rest_imports(ws, ws_path, tmp_path):
    folder = tmp_path / "batch"
    good = [write_bytes(folder / "good1.md", markdown({"title": "Harbour"}, HARBOUR).encode()),
            write_bytes(folder / "good2.txt", "\n".join(WIND).encode())]
    bad = {
        "empty.txt": (b"", "empty"),
        "random.txt": (random.Random(1).randbytes(4000), "binary"),
        "truncated.docx": (docx_bytes(RAIL, title="T")[:1500], "damaged|not a valid zip"),
        "bomb.docx": (zip_bomb_docx(), "zip bomb"),
        "scan.pdf": (pdf_bytes([[]]), "no text layer"),
        "big.txt": (b"word " * 300_000, r"over the 1 MB limit \(raise it with --max-mb\)"),
    }
    for name, (data, _) in bad.items():
        write_bytes(folder / name, data)
    write_bytes(folder / "notes.xyz", b"ignored: folders import supported types only")
    report = import_paths(ws, [folder, tmp_path / "missing.md"], max_bytes=2**20)
    assert sorted(Path(i["path"]).name for i in report.imported) == sorted(p.name for p in good)
    failures = {Path(f["path"]).name: f["error"] for f in report.failed}
    assert set(failures) == set(bad) | {"missing.md"}
    for name, (_, reason) in bad.items():
        assert re.search(reason, failures[name]), (name, failures[name])
        assert "\n" not in failures[name] and "Traceback" not in failures[name]
    assert failures["missing.md"] == "no such file or folder"
    with ws.session() as s:
        assert s.scalar(select(func.count(Source.id))) == 2
    con = sqlite3.connect(ws_path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_fails_alone(ws, tmp_path):
    locked = write_bytes(tmp_path / "locked.txt", b"Secret text that cannot be read.")
    locked.chmod(0)
    try:
        report = import_paths(ws, [locked, write_bytes(tmp_path / "ok.txt", "\n".join(RAIL).encode())])
    finally:
        locked.chmod(0o644)
    assert [f["error"] for f in report.failed] == ["permission denied: the file cannot be read"]
    assert len(report.imported) == 1


def test_malformed_front_matter_imports_the_body_with_a_warning(ws, tmp_path):
    path = write_bytes(tmp_path / "a.md", b"---\ntitle: [broken\n---\n" + "\n".join(HARBOUR).encode())
    report = import_paths(ws, [path])
    assert len(report.imported) == 1
    assert report.warnings and "front matter" in report.warnings[0]["warning"]
    with ws.session() as s:
        assert s.get(Source, report.source_ids[0]).warnings == [report.warnings[0]["warning"]]


def test_unsupported_file_named_explicitly_fails_with_the_supported_list(ws, tmp_path):
    report = import_paths(ws, [write_bytes(tmp_path / "a.rtf", b"{\\rtf1 hello}")])
    assert "unsupported file type '.rtf'" in report.failed[0]["error"] and ".docx" in report.failed[0]["error"]


def test_import_url_without_network_is_a_one_line_failure(ws):
    report = import_url(ws, "http://no-such-host.invalid/story", timeout=5)
    assert report.imported == [] and len(report.failed) == 1
    assert report.failed[0]["path"] == "http://no-such-host.invalid/story"
    assert report.failed[0]["error"].startswith("cannot reach no-such-host.invalid")


def test_find_duplicate_compares_text_not_bytes(ws, tmp_path):
    import_paths(ws, [write_bytes(tmp_path / "a.txt", "\n".join(HARBOUR).encode("utf-16"))])
    doc = parse_document(Path("b.html"), html_page(title="x", site="y", paragraphs=HARBOUR).encode())
    with ws.session() as s:
        assert find_duplicate(s, doc) == s.scalar(select(Source.id))
        assert s.scalar(select(func.count(SourceFile.source_id))) == 1


def test_workspace_from_before_fingerprints_is_backfilled_on_open(tmp_path):
    from workbench.storage.workspace import open_workspace

    path = tmp_path / "old.fcw"
    ws = open_workspace(path, create=True)
    report = import_paths(ws, [write_bytes(tmp_path / "a.txt", "\n".join(LIBRARY).encode())])
    with ws.engine.begin() as conn:
        conn.execute(text("DROP TABLE source_fingerprints"))
        conn.execute(text("UPDATE alembic_version SET version_num='0001'"))
    ws.close()
    ws = open_workspace(path)
    try:
        with ws.session() as s:
            assert s.scalar(select(func.count(SourceFingerprint.hash))) > 0
        copy = markdown({"title": "Another title"}, LIBRARY[:3] + [LIBRARY[3] + " Extra words here."])
        again = import_paths(ws, [write_bytes(tmp_path / "b.md", copy.encode())])
        assert [d["source_id"] for d in again.duplicates] == report.source_ids
    finally:
        ws.close()


def test_paths_that_are_not_readable_files_fail_alone_even_as_root(ws, tmp_path):
    broken = tmp_path / "gone.md"
    broken.symlink_to(tmp_path / "nowhere.md")
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    report = import_paths(ws, [broken, pipe, write_bytes(tmp_path / "ok.txt", "\n".join(RAIL).encode())])
    assert {Path(f["path"]).name: f["error"] for f in report.failed} == {
        "gone.md": "not a regular file (a device, pipe or broken link)",
        "pipe.txt": "not a regular file (a device, pipe or broken link)",
    }
    assert len(report.imported) == 1


def test_a_shingle_in_more_sources_than_the_limit_is_boilerplate(ws):
    from workbench.services.importing import COMMON_SHINGLE_SOURCES, _distinctive

    with ws.session() as session:
        ids = []
        for i in range(COMMON_SHINGLE_SOURCES + 1):
            source = Source(title=f"Note {i}", body=f"note {i}", body_hash=f"h{i}")
            session.add(source)
            session.flush()
            ids.append(source.id)
        common, at_limit, rare = 8 * 1001, -8 * 77, 8 * 5
        rows = [{"source_id": sid, "hash": common} for sid in ids]
        rows += [{"source_id": sid, "hash": at_limit} for sid in ids[:COMMON_SHINGLE_SOURCES]]
        rows += [{"source_id": ids[0], "hash": rare}]
        session.execute(SourceFingerprint.__table__.insert(), rows)
        unseen = [8 * (100 + i) for i in range(4)]
        assert _distinctive(session, [common, at_limit, rare, *unseen]) == [at_limit, rare, *unseen]


def _numbered_folder(root: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        paragraphs = [p.replace("harbour", f"harbour {i}") for p in (HARBOUR if i % 2 else LIBRARY)]
        path = root / f"n{i:02d}.md"
        write_bytes(path, markdown({"title": f"Story {i}", "outlet": f"Paper {i}"}, paragraphs).encode())
        paths.append(path)
    return paths


def test_a_workspace_that_cannot_write_fails_that_transactions_files_and_keeps_the_rest(ws, tmp_path,
                                                                                          monkeypatch):
    from workbench.services import importing

    monkeypatch.setattr(importing, "FILES_PER_COMMIT", 3)
    before = import_paths(ws, [mixed_folder(tmp_path / "old") and tmp_path / "old"])
    paths = _numbered_folder(tmp_path / "in", 8)
    with ws.session() as s:   # SQLite itself fails the write of one file, as a full disk would
        s.execute(text("CREATE TRIGGER fail_story_4 BEFORE INSERT ON sources WHEN NEW.title = 'Story 4' "
                       "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"))
    report = import_paths(ws, [tmp_path / "in"])
    failed = sorted(Path(item["path"]).name for item in report.failed)
    assert failed == ["n03.md", "n04.md"]     # the transaction holding n04, rolled back; n05 goes in the next
    assert all("cannot write to" in item["error"] for item in report.failed)
    assert sorted(Path(i["path"]).name for i in report.imported) == [p.name for p in paths if p.name not in failed]
    with ws.session() as s:
        titles = set(s.scalars(select(Source.title)))
        assert {f"Story {i}" for i in (0, 1, 2, 5, 6, 7)} <= titles and not {"Story 3", "Story 4"} & titles
        assert all(s.get(Source, item["source_id"]) is not None for item in before.imported)
        assert s.scalar(select(func.count()).select_from(Source).where(
            ~Source.id.in_(select(SourceFingerprint.source_id)))) == 0   # nothing half-stored


def test_a_cancelled_import_keeps_the_files_stored_before_it(ws, tmp_path):
    from workbench.tasks import Cancelled, TaskState

    _numbered_folder(tmp_path / "in", 6)
    state = TaskState(on_progress=lambda done, total, message: done == 4 and state.cancel(), min_interval=0)
    with pytest.raises(Cancelled):
        import_paths(ws, [tmp_path / "in"], state=state)
    with ws.session() as s:
        assert sorted(s.scalars(select(Source.title))) == [f"Story {i}" for i in range(5)]


def test_a_copy_of_a_file_whose_transaction_is_rolled_back_is_not_reported_as_its_duplicate(ws, tmp_path,
                                                                                            monkeypatch):
    from workbench.services import importing

    monkeypatch.setattr(importing, "FILES_PER_COMMIT", 3)
    paths = _numbered_folder(tmp_path / "in", 5)
    (tmp_path / "in" / "n01 copy.md").write_bytes(paths[1].read_bytes())   # sorts right before n01.md
    with ws.session() as s:
        s.execute(text("CREATE TRIGGER fail_story_2 BEFORE INSERT ON sources WHEN NEW.title = 'Story 2' "
                       "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"))
    report = import_paths(ws, [tmp_path / "in"])
    # the first transaction holds n00, "n01 copy" and n01 (its duplicate); the second n02, which fails
    assert sorted(Path(item["path"]).name for item in report.failed) == ["n02.md"]
    assert [Path(item["path"]).name for item in report.duplicates] == ["n01.md"]
    monkeypatch.setattr(importing, "FILES_PER_COMMIT", 4)
    with ws.session() as s:
        s.execute(text("DELETE FROM sources"))
    report = import_paths(ws, [tmp_path / "in"])
    # now n00, "n01 copy", n01 and n02 share the transaction n02 fails: n01's original is gone with it
    assert sorted(Path(item["path"]).name for item in report.failed) == ["n00.md", "n01 copy.md", "n01.md",
                                                                          "n02.md"]
    assert report.duplicates == []
