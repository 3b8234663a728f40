"""The window start: `runjournal` with no command (or `--smoke-test`)."""

from __future__ import annotations

import argparse

from runjournal.paths import journal_path


def start_window(args: argparse.Namespace) -> int:
    from runjournal.ui import start_collector

    start_collector.pause()  # until the window is painted (ui.app)
    try:
        from runjournal.service.check_ahead import check_ahead

        check_ahead(journal_path(args.db))  # while Qt and the window's modules load
        from runjournal.ui.app import run

        return run(journal_path(args.db), smoke=args.smoke_test, check_in=args.check_in)
    finally:
        start_collector.resume()
