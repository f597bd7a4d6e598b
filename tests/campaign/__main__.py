"""`python -m tests.campaign --ops 2000 --seed 7`: the fault campaign, long form."""

import sys

from .campaign import main

sys.exit(main())
