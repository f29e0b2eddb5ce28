"""Full-text search: the Whoosh index derived from the workspace, the query language, snippets, candidates."""
