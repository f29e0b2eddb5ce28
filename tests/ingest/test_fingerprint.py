"""Shingle fingerprints: copies of one article match, different articles and partial quotes do not."""

from tests.ingest.samples import HARBOUR, LIBRARY, RAIL
from workbench.ingest.fingerprint import SAMPLE_MOD, is_near_duplicate, overlap, sample, shingles

ARTICLE = "\n".join(HARBOUR)


def test_same_text_in_another_layout_matches():
    merged = " ".join(HARBOUR).replace("\u201c", '"').replace("\u201d", '"').upper()
    assert overlap(shingles(ARTICLE), shingles(merged)) == (1.0, 1.0)


def test_copy_with_an_extra_heading_or_a_dropped_line_still_matches():
    with_title = "Harbour traffic jumps\nPort Elden Gazette\n" + ARTICLE
    dropped = "\n".join(HARBOUR[:-1])
    assert is_near_duplicate(shingles(ARTICLE), shingles(with_title))
    assert is_near_duplicate(shingles(ARTICLE), shingles(dropped))


def test_different_articles_and_an_article_quoting_a_paragraph_do_not_match():
    assert not is_near_duplicate(shingles(ARTICLE), shingles("\n".join(LIBRARY)))
    quoting = "\n".join(RAIL + [HARBOUR[0]])
    assert not is_near_duplicate(shingles(ARTICLE), shingles(quoting))


def test_sample_is_content_defined_and_never_empty():
    full = shingles(ARTICLE)
    picked = sample(full)
    assert picked and all(h % SAMPLE_MOD == 0 for h in picked)
    # The sample of a passage is part of the sample of any text containing it.
    assert set(sample(shingles(HARBOUR[1]))) <= set(sample(shingles(ARTICLE))) | set(sorted(shingles(HARBOUR[1]))[:4])
    assert sample(shingles("Short note.")) != []
    assert shingles("") == set() and sample(set()) == []
