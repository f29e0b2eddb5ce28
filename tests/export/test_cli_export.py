"""`workbench export` end to end: each format, the claim selection options, and one-line errors."""

from __future__ import annotations

import json

import docx

from workbench.cli import main


def test_export_commands(story, ws_path, tmp_path, capsys):
    story.ws.close()
    ws = str(ws_path)
    out = tmp_path / "brief.docx"
    assert main(["export", ws, "--format", "docx", "-o", str(out), "--title", "Port Vesna", "--author", "Desk",
                 "--summary", "Two numbers, one fire."]) == 0
    assert "wrote" in capsys.readouterr().out
    doc = docx.Document(str(out))
    assert doc.paragraphs[1].text == "Port Vesna" and "Two numbers, one fire." in [p.text for p in doc.paragraphs]

    ids = f"{story.claims['injured']},{story.claims['evacuated']}"
    assert main(["export", ws, "--format", "csv", "-o", str(tmp_path / "b.csv"), "--claims", ids, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["claims"] == 2

    assert main(["export", ws, "--format", "claimreview", "-o", str(tmp_path / "b.json"), "--all",
                 "--url", "https://desk.example/vesna"]) == 0
    reviews = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["@graph"]
    assert len(reviews) == 5 and reviews[0]["url"].startswith("https://desk.example/vesna#claim-")

    assert main(["export", ws, "--format", "markdown", "-o", str(tmp_path / "b.md")]) == 0
    assert (tmp_path / "b.md").read_text(encoding="utf-8").startswith("# Fact-check brief")


def test_export_errors_are_one_line(story, ws_path, tmp_path, capsys):
    story.ws.close()
    ws = str(ws_path)
    assert main(["export", ws, "--format", "docx", "-o", str(tmp_path / "b.docx"), "--claims", "3,x"]) == 1
    assert capsys.readouterr().err.startswith("error: --claims takes claim ids")
    assert main(["export", ws, "--format", "docx", "-o", str(tmp_path / "missing" / "b.docx")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err
    assert main(["export", ws, "--format", "docx", "-o", str(tmp_path / "b.docx"), "--brief", "9"]) == 1
    assert "no brief with id 9" in capsys.readouterr().err


def test_export_of_a_saved_brief_keeps_its_order_and_text(story, ws_path, tmp_path, capsys):
    from workbench.services.briefs import create_brief, update_brief

    with story.ws.session() as s:
        brief = create_brief(s, title="Saved", summary="From the panel.", author="Kim",
                             claim_ids=[story.claims["solvents"], story.claims["evacuated"]])
        update_brief(s, brief["id"], claim_ids=[story.claims["emoji"], story.claims["solvents"],
                                                 story.claims["emoji"]])
    story.ws.close()
    assert main(["briefs", str(ws_path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(b["id"], b["title"], b["claim_ids"]) for b in listed] == [
        (brief["id"], "Saved", [story.claims["emoji"], story.claims["solvents"]])]
    out = tmp_path / "saved.csv"
    assert main(["export", str(ws_path), "--format", "csv", "-o", str(out), "--brief", str(brief["id"])]) == 0
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert [int(r.split(",")[0]) for r in rows[1:] if r[:1].isdigit()] == [story.claims["emoji"],
                                                                         story.claims["solvents"]]
