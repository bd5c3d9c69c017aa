"""How much a spec file may hold before the loader refuses it (RF003, RF005, RF006).

Kept apart from the loader so the code catalogue (`regionform.spec.codes`) can state the
same numbers the loader enforces without importing it.
"""

from __future__ import annotations

from typing import Final

MAX_BYTES: Final = 2 * 1024 * 1024
MAX_DEPTH: Final = 50
# Real estates are a few thousand nodes; past this, schema validation alone would take
# seconds (the hostile corpus measures it), so more is an alias bomb or not a spec.
MAX_EXPANDED_NODES: Final = 50_000
