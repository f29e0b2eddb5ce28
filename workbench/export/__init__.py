"""Exports of a brief: Word (.docx), ClaimReview JSON-LD, Markdown and CSV, all written safely."""
