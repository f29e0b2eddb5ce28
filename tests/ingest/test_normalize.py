"""Body normalisation is stable (claim offsets index into it) and the duplicate fold ignores layout."""

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.ingest.normalize import body_hash, fold_for_duplicates, normalize_text

# Letters, combining accents, controls, odd spaces and line separators: the characters that interact.
TRICKY = st.text(alphabet=st.sampled_from(list("ae \n\r\t\u00a0\u2028\u2029\u200b\ufeff\x00\x07\x85")
                                          + ["\u0301", "\u0308", "\u1100", "\u1161", "\u212b", "\u00e9"]),
                 max_size=60)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(TRICKY, st.text(max_size=200)))
def test_normalising_twice_changes_nothing(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_removed_control_character_does_not_leave_an_uncomposed_accent():
    assert normalize_text("caf\u0065\x00\u0301") == "caf\u00e9"


def test_layout_quotes_and_case_do_not_change_the_fold():
    a = "\u201cRates rose,\u201d she said \u2014 twice.\nThen they fell."
    b = '"rates rose," SHE said - twice. Then they fell.'
    assert fold_for_duplicates(a) == fold_for_duplicates(b)
    assert body_hash(a) == body_hash(b)
