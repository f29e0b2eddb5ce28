"""Exports of a brief: Word (.docx), ClaimReview JSON-LD, Markdown and CSV, all written safely."""

FORMATS = ("docx", "claimreview", "markdown", "csv")
SUFFIXES = {"docx": ".docx", "claimreview": ".json", "markdown": ".md", "csv": ".csv"}
