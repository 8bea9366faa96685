"""`python -m ikt_model <command> ...` — see ikt_model/cli/."""

import sys

from .cli import main

sys.exit(main())
