"""The `workbench` command line: every core operation, without the GUI."""

from __future__ import annotations

import argparse
import logging
import sys

from workbench import __version__
from workbench.cli import check_cmds, claims_cmds, export_cmds, gui_cmds, reliability_cmds, search_cmds, workspace_cmds
from workbench.domain.errors import WorkbenchError
from workbench.logs import log_internal_error, log_user_error, setup_logging
from workbench.tasks import Cancelled

log = logging.getLogger(__name__)

# Each module contributes its subcommands through `register(subparsers)`.
COMMAND_MODULES = [workspace_cmds, claims_cmds, reliability_cmds, search_cmds, export_cmds, gui_cmds, check_cmds]


class UsageError(Exception):
    """A command was called wrongly; exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 itself; keep its behaviour, shorter text
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workbench",
        description="Fact-Checking Workbench: import articles, extract and cross-check claims, export briefs. "
                    "Run without a command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr too")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    log_path = setup_logging(args.verbose)
    if args.command is None:
        args = parser.parse_args(["gui"]) if "gui" in parser._subparsers._group_actions[0].choices else None
        if args is None:
            parser.print_help()
            return 0
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"workbench {args.command}: {exc}", file=sys.stderr)
        return 2
    except WorkbenchError as exc:
        log_user_error(args.command, exc)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (Cancelled, KeyboardInterrupt):
        print("cancelled", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so briefly, keep the details in the log
        log_internal_error(args.command)
        where = f"; details are in {log_path}" if log_path else ""
        print(f"internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
        return 3
