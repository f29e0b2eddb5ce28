"""The one-line suggestion for a claim and the origin summary shown next to it."""

from __future__ import annotations

DISPUTED = "disputed"
SINGLE_ORIGIN = "single origin"
UNVERIFIED = "unverified"


def suggest(sources: int, origins: int, conflicts: int) -> str:
    """What the evidence suggests: disputed beats corroborated; one source alone is unverified."""
    if conflicts:
        return DISPUTED
    if origins >= 2:
        return f"corroborated by {origins} independent origins"
    if sources >= 2:
        return SINGLE_ORIGIN
    return UNVERIFIED


def origin_summary(sources: int, origins: int, names: list[str]) -> str:
    """ "9 outlets, 1 independent origin: Reuters" """
    outlets = f"{sources} outlet{'s' if sources != 1 else ''}"
    count = f"{origins} independent origin{'s' if origins != 1 else ''}"
    return f"{outlets}, {count}" + (f": {', '.join(names)}" if names else "")
