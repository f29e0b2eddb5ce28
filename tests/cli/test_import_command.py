"""`workbench import`: the JSON contract, exit codes, size limit and unreachable URLs, through the real CLI."""

import json

from tests.ingest.samples import HARBOUR, LIBRARY, docx_bytes, html_page, markdown, write_bytes
from workbench.cli import main


def run(capsys, *args):
    code = main(list(map(str, args)))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_json_contract_and_exit_codes(capsys, tmp_path):
    ws = tmp_path / "case.fcw"
    assert run(capsys, "init", ws)[0] == 0
    folder = tmp_path / "in"
    write_bytes(folder / "a.md", markdown({"title": "Harbour traffic jumps", "outlet": "Port Elden Gazette",
                                           "published": "2025-06-10"}, HARBOUR).encode())
    write_bytes(folder / "b.docx", docx_bytes(LIBRARY, title="Libraries stay open",
                                              header_lines=["Brennholm Courier | 4 March 2025"]))
    code, out, err = run(capsys, "import", ws, folder, "--no-extract", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert [(i["title"], i["outlet"], i["published"]) for i in report["imported"]] == [
        ("Harbour traffic jumps", "Port Elden Gazette", "2025-06-10"),
        ("Libraries stay open", "Brennholm Courier", "2025-03-04")]
    assert all(isinstance(i["source_id"], int) for i in report["imported"])
    assert report["duplicates"] == [] and report["failed"] == []

    write_bytes(folder / "c.html", html_page(title="Other headline", site="Port Elden Gazette",
                                             paragraphs=HARBOUR).encode())
    write_bytes(folder / "bad.txt", b"")
    code, out, err = run(capsys, "import", ws, folder, "--no-extract", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["imported"] == []
    assert len(report["duplicates"]) == 3
    assert report["failed"] == [{"path": str(folder / "bad.txt"), "error": "the file is empty"}]
    assert "Traceback" not in err


def test_size_limit_option_and_text_output(capsys, tmp_path):
    ws = tmp_path / "case.fcw"
    run(capsys, "init", ws)
    big = write_bytes(tmp_path / "big.txt", ("A sentence about the harbour. " * 40_000).encode())
    code, out, err = run(capsys, "import", ws, big, "--no-extract", "--max-mb", "0.5")
    assert code == 1
    assert f"failed    {big}: the file is 1.1 MB, over the 0.5 MB limit" in err
    assert "0 imported, 0 duplicates, 1 failed" in out
    assert run(capsys, "import", ws, big, "--no-extract", "--max-mb", "2")[0] == 0


def test_usage_errors_exit_2(capsys, tmp_path):
    ws = tmp_path / "case.fcw"
    run(capsys, "init", ws)
    assert run(capsys, "import", ws)[0] == 2
    assert run(capsys, "import", ws, tmp_path, "--max-mb", "0")[0] == 2


def test_unreachable_url_is_one_failed_line(capsys, tmp_path):
    ws = tmp_path / "case.fcw"
    run(capsys, "init", ws)
    code, out, err = run(capsys, "import", ws, "--url", "http://no-such-host.invalid/a", "--timeout", "5", "--json")
    assert code == 1
    failed = json.loads(out)["failed"]
    assert len(failed) == 1 and failed[0]["path"] == "http://no-such-host.invalid/a"
    assert failed[0]["error"].startswith("cannot reach no-such-host.invalid")
    assert "Traceback" not in err
