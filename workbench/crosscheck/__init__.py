"""Cross-checking claims between sources: candidates, fact comparison, relations, origins, suggestions."""
