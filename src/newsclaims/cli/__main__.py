"""`python -m newsclaims.cli` runs the command line."""

import sys

from newsclaims.cli import main

# Guarded, so that importing this file (to give its path to spark-submit, see the README) runs nothing.
if __name__ == "__main__":
    sys.exit(main())
