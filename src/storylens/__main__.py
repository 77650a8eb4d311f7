"""`python -m storylens` runs the command line."""

import sys

from storylens.cli import main

sys.exit(main())
