"""Import limits shared by the importer and the command line (kept light: no parser imports)."""

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
MAX_PDF_PAGES = 2_000
