"""The `runjournal` command: the window by default, and commands for the terminal.

`parser` holds the grammar, one module per command does its work (`log_run`, `check_in`,
`export`, `backup`, `restore`, `check`, `demo`, `coach`, `insights`, `report`,
`import_command`, `window`), and `common` the exit codes and helpers they share. Command
modules never import this package's `__init__`; it only names the entry point.
"""

from __future__ import annotations

from runjournal.cli.entry import main
from runjournal.cli.parser import build_parser, window_args

__all__ = ["build_parser", "main", "window_args"]
