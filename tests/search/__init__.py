"""Tests of full-text search: index lifecycle, queries, snippets, candidates."""
