"""What regionform is and where it lives: read by the CLI, SARIF, the scaffold and the writer."""

from __future__ import annotations

__version__ = "0.1.0"
# Where users find the docs and the pre-commit hooks (SARIF informationUri, `regionform init`).
HOMEPAGE = "https://github.com/regionform/regionform"
# The mkdocs site built from docs/ (mkdocs.yml's site_url); SARIF links each rule into it.
DOCS_URL = "https://regionform.github.io/regionform"
