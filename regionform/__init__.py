"""regionform: one YAML spec of a multi-region AWS estate in, Terraform out.

import regionform
spec = regionform.load_spec("examples/bizflow.yaml")
regionform.generate(spec, out="out", output_format="hcl")
"""

from __future__ import annotations

from typing import Any

from regionform.about import HOMEPAGE, __version__

__all__ = ["HOMEPAGE", "__version__", "generate", "lint_spec", "load_spec", "plan"]


def __getattr__(name: str) -> Any:
    # Lazy, so `import regionform` (and the lint fast path) stays cheap.
    if name in ("generate", "lint_spec", "load_spec", "plan"):
        from regionform import api

        return getattr(api, name)
    raise AttributeError(f"module 'regionform' has no attribute {name!r}")
