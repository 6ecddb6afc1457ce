"""`python -m newsclaims` runs the command line."""

import sys

from newsclaims.cli import main

sys.exit(main())
