"""``python -m govdisclosure …`` runs the command-line tool."""

import sys

from govdisclosure.cli import main

sys.exit(main())
