"""`python -m newsclaims` runs the command line."""

import sys

from newsclaims.cli import main

# Guarded, so that importing this file runs nothing.
if __name__ == "__main__":
    sys.exit(main())
