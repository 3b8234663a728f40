import sys

from runjournal.cli import main

sys.exit(main())
