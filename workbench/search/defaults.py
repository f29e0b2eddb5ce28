"""Defaults of search shared by the service and the command line (no Whoosh import)."""

DEFAULT_LIMIT = 20
