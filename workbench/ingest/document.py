"""The result of reading one file: normalised body text plus metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Document:
    body: str
    title: str = ""
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: date | None = None
    published_time: str | None = None
    language: str | None = None
    format: str = "txt"
    warnings: list[str] = field(default_factory=list)
