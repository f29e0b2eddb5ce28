"""The desktop window (PySide6): the only package that imports Qt."""

# PySide6 reads the source of every module imported after it, to see whether it uses Qt (PYSIDE-2029); the core
# modules every window needs are imported before Qt so start-up skips that (about 0.1 s of CPU).
import workbench.services.views  # noqa: F401
import workbench.storage.workspace  # noqa: F401
