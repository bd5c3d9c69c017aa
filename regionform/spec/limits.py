"""How much a spec file may hold before the loader refuses it (RF003, RF005, RF006).

Kept apart from the loader so the code catalogue (`regionform.spec.codes`) can state the
same numbers the loader enforces without importing it.
"""

from __future__ import annotations

from typing import Final

# The largest estate we promise is 16 regions by 50,000 tenants: about 3.6 MB and 250,000
# values written out plainly (bench/synthetic.py). The size caps leave four times that for
# richer tenants; past them the input is not a spec.
MAX_BYTES: Final = 16 * 1024 * 1024
MAX_NODES: Final = 1_000_000
MAX_DEPTH: Final = 50
# Aliases and merge keys copy a subtree without its text, so they are what a bomb multiplies
# (10 lines → 10^9 nodes). What they add is measured apart from the written nodes: at least
# this many, and at most ALIAS_FACTOR times what the document writes out (a defaults anchor
# merged into every tenant copies a few times what each tenant writes; a bomb, 10^k times).
MIN_ALIAS_ALLOWANCE: Final = 100_000
ALIAS_FACTOR: Final = 4
