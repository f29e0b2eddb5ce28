"""Printing results: JSON for scripts, short text tables for people."""

from __future__ import annotations

import json
import sys
from pathlib import Path



def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def add_workspace_arg(parser) -> None:
    parser.add_argument("workspace", type=Path, metavar="WS", help="workspace file (e.g. case.fcw)")


def open_ws(args) -> Workspace:
    from workbench.storage.workspace import Workspace, open_workspace
    return open_workspace(args.workspace)


def shorten(text: str | None, width: int) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"
