"""regionform: one YAML spec of a multi-region AWS estate in, Terraform out.

import regionform
spec = regionform.load_spec("examples/bizflow.yaml")
regionform.generate(spec, out="out", output_format="hcl")
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
# Where users find the docs and the pre-commit hooks (SARIF informationUri, `regionform init`).
HOMEPAGE = "https://github.com/regionform/regionform"
# The mkdocs site built from docs/ (mkdocs.yml's site_url); SARIF links each rule into it.
DOCS_URL = "https://regionform.github.io/regionform"
__all__ = ["__version__", "generate", "lint_spec", "load_spec", "plan"]


def __getattr__(name: str) -> Any:
    # Lazy, so `import regionform` (and the lint fast path) stays cheap.
    if name in ("generate", "lint_spec", "load_spec", "plan"):
        from regionform import api

        return getattr(api, name)
    raise AttributeError(f"module 'regionform' has no attribute {name!r}")
