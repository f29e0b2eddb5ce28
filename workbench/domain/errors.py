"""Errors a user can act on; the CLI and GUI show their message without a traceback."""


class WorkbenchError(Exception):
    """Base for every error that is the user's to fix (bad file, busy workspace, bad query)."""


class ImportFailed(WorkbenchError):
    """A file could not be imported; the message says why in one line."""


class WorkspaceError(WorkbenchError):
    """The workspace cannot be opened, created or migrated."""


class WorkspaceBusy(WorkspaceError):
    """Another process holds the workspace (or its index) for writing."""


class NotFound(WorkbenchError):
    """A source, claim or brief with that id does not exist."""


class QueryError(WorkbenchError):
    """A search query that cannot be parsed."""


class ExportError(WorkbenchError):
    """A brief could not be written."""
