"""The benchmark suite cannot rot: the generator is deterministic and truthful, and a tiny run reports every stage."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generator import generate_corpus, truth_pairs, write_corpus
from benchmarks.report import TARGETS
from benchmarks.runner import STAGE_NAMES

REPO = Path(__file__).resolve().parent.parent


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_writes_the_same_bytes(tmp_path):
    write_corpus(generate_corpus(20, seed=11), tmp_path / "one")
    write_corpus(generate_corpus(20, seed=11), tmp_path / "two")
    write_corpus(generate_corpus(20, seed=12), tmp_path / "other")
    one, two, other = _files(tmp_path / "one"), _files(tmp_path / "two"), _files(tmp_path / "other")
    assert len([name for name in one if name.startswith("articles")]) == 20
    assert one == two
    assert one != other


def test_a_bigger_corpus_starts_with_the_same_events():
    small, big = generate_corpus(30, hold_out=False), generate_corpus(60, hold_out=False)
    first_events = {a.event for a in small.articles[:20]}
    assert [a.render() for a in small.articles if a.event in first_events] == \
        [a.render() for a in big.articles if a.event in first_events]


def test_recorded_truth_matches_the_text():
    corpus = generate_corpus(200)
    texts = {a.key: "\n".join(a.paragraphs) for a in corpus.articles + [corpus.held_out]}
    assert all(m.sentence in texts[m.article] for m in corpus.mentions)
    pairs = truth_pairs(corpus.mentions)
    relations = {p.relation for p in pairs}
    assert relations == {"conflicts", "corroborates"}
    mentions = {(m.article, m.sentence): m for m in corpus.mentions}
    for p in pairs:
        a, b = mentions[(p.a, p.a_sentence)], mentions[(p.b, p.b_sentence)]
        assert p.a != p.b
        if p.relation == "corroborates" and a.kind in ("date", "time", "quote"):
            assert a.value == b.value
    conflicts = [p for p in pairs if p.relation == "conflicts"]
    assert {k for p in conflicts for k in p.kinds} >= {"count", "date"}
    roles = {a.role for a in corpus.articles}
    assert roles == {"wire", "copy", "rewrite", "independent"}
    assert any(a.fmt == "html" for a in corpus.articles)
    words = [len(" ".join(a.paragraphs).split()) for a in corpus.articles]
    assert 550 <= sum(words) / len(words) <= 850


def test_wire_copies_carry_a_dateline_and_rewrites_cite_the_agency():
    corpus = generate_corpus(120)
    copies = [a for a in corpus.articles if a.role == "copy"]
    assert copies and all(" - " in a.paragraphs[0] and "(" in a.paragraphs[0] for a in copies)
    rewrites = [a for a in corpus.articles if a.role == "rewrite"]
    assert any("according to" in " ".join(a.paragraphs) or " told " in " ".join(a.paragraphs) for a in rewrites)


@pytest.mark.slow
def test_tiny_run_reports_every_stage_and_target(tmp_path):
    out = tmp_path / "report.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--articles", "20", "--quick", "--json", str(out)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Targets" in proc.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["articles"] == 20
    assert {"cpus", "cpu", "python"} <= set(report["machine"])
    assert set(STAGE_NAMES) | {"generate", "end_to_end"} <= set(report["stages"])
    for name, stage in report["stages"].items():
        assert stage["status"] in ("ok", "n/a", "skipped"), (name, stage)
    assert report["stages"]["generate"]["articles"] == 20
    assert report["stages"]["import"]["articles"] == 20
    assert [t["name"] for t in report["targets"]] == [t.name for t in TARGETS]
    assert all(t["status"] in ("PASS", "MISS", "n/a") for t in report["targets"])


def test_hedged_figures_corroborate_only_when_they_name_about_the_same_amount():
    from benchmarks.generator import Mention, _relation

    def count(low, high, variant="true"):
        return Mention("e1:killed", "a1", "", "count", variant, low, high)

    assert _relation(count(230, None), count(235, 235)) == "corroborates"    # "at least 230" and "235"
    assert _relation(count(20, 40), count(20, 40)) == "corroborates"          # the same range twice
    assert _relation(count(50, None), count(54, 66)) is None                  # "more than 50" and "some 60"
    assert _relation(count(10000, 30000), count(17744, 17744)) is None        # a wide range holds the figure
    assert _relation(count(100, 100), count(60, 60, "conflict")) == "conflicts"


def test_the_miss_report_gives_recall_and_examples_per_class_and_kind():
    from benchmarks.generator import Mention
    from benchmarks.misses import Miss, report

    a = Mention("e1:killed", "a1", "The Ostby fire killed 12 people.", "count", "true", 12, 12)
    b = Mention("e1:killed", "a2", "Nine workers died in the Ostby blaze.", "count", "conflict", 9, 9)
    text = report([Miss("c: not the same fact", "conflicts:number", a, b, "related", ("related wording (40%)",))],
                  {"conflicts:number": 4})
    assert "conflicts:number 0.750" in text
    assert "c: not the same fact | conflicts:number: 1" in text and "Nine workers died" in text


def test_a_reused_workspace_measures_the_new_article_again_and_refuses_another_corpus(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = tmp_path / "report.json"

    def bench(*extra):
        return subprocess.run([sys.executable, "-m", "benchmarks", "--articles", "12", "--quick", "--workdir",
                               str(tmp_path / "run"), "--skip", "extraction,search,gui,export", "--json", str(out),
                               *extra], cwd=REPO, env=env, capture_output=True, text=True, timeout=600)

    for extra in ((), ("--reuse",)):
        done = bench(*extra)
        assert done.returncode == 0, done.stderr[-3000:]
        check = json.loads(out.read_text(encoding="utf-8"))["stages"]["check"]
        assert check["status"] == "ok" and check["one_new_check_seconds"] is not None, extra
    truth_file = tmp_path / "run" / "corpus" / "truth.json"
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    truth["mentions"][0]["value"] = -1   # as an earlier generator might have written it
    truth_file.write_text(json.dumps(truth), encoding="utf-8")
    refused = bench("--reuse")
    assert refused.returncode == 2
    assert "built from another corpus" in refused.stderr and "Traceback" not in refused.stderr
