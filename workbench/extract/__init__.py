"""Claim extraction: check-worthy spans of an article with numbers, dates, names, quotes and sources."""

from workbench.extract.claims import extract_claims

__all__ = ["extract_claims"]
