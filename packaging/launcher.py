"""The bundle's entry point: the same command line as `runjournal`, the window by default."""

import os
import sys

if not os.environ.get("LANG"):
    os.environ["LANG"] = "C.UTF-8"  # Qt warns about a missing locale otherwise (docs/architecture.md)

from runjournal.cli import main

sys.exit(main())
