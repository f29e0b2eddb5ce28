"""Safe writing: temporary file then rename; locked, read-only and missing targets get clear messages."""

from __future__ import annotations

import os

import pytest

from workbench.domain.errors import ExportError
from workbench.export.writer import write_atomically, write_text_atomically


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "brief.docx"
    target.write_bytes(b"the previous brief")

    def explode(fh):
        fh.write(b"half a document")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        write_atomically(target, explode)
    assert target.read_bytes() == b"the previous brief"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx"]


def test_replacing_keeps_the_permissions_of_the_old_file(tmp_path):
    target = tmp_path / "brief.md"
    target.write_text("old")
    os.chmod(target, 0o640)
    write_text_atomically(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("lock_name", [".~lock.brief.docx#", "~$ief.docx"])
def test_a_document_open_in_an_office_program_is_refused(tmp_path, lock_name):
    target = tmp_path / "brief.docx"
    target.write_bytes(b"open elsewhere")
    (tmp_path / lock_name).write_text("user,host")
    with pytest.raises(ExportError, match="is open in another program .* close it"):
        write_text_atomically(target, "x")
    assert target.read_bytes() == b"open elsewhere"


def test_read_only_target_folder_target_and_missing_folder(tmp_path):
    target = tmp_path / "brief.csv"
    target.write_text("keep")
    os.chmod(target, 0o444)
    with pytest.raises(ExportError, match="is read-only"):
        write_text_atomically(target, "x")
    assert target.read_text() == "keep"
    with pytest.raises(ExportError, match="is a folder"):
        write_text_atomically(tmp_path, "x")
    with pytest.raises(ExportError, match="does not exist"):
        write_text_atomically(tmp_path / "nowhere" / "b.md", "x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            write_text_atomically(folder / "b.md", "x")
    finally:
        os.chmod(folder, 0o755)
