"""The docs site builds with `mkdocs build --strict`, and the README stays a short door to it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO

from regionform.about import DOCS_URL
from regionform.lint.docs import rule_docs

README = (REPO / "README.md").read_text()


def test_the_site_builds_strict_with_every_page_in_the_navigation(tmp_path: Path) -> None:
    # --strict turns every warning into a failure: a broken link or anchor, a page missing
    # from the nav, a snippet (CONTRIBUTING.md, CHANGELOG.md) that is not there.
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rules = (site / "rules" / "index.html").read_text()
    for doc in rule_docs():
        assert f'id="{doc.code.lower()}"' in rules, f"no #{doc.code.lower()} on the rules page"
    architecture = (site / "architecture" / "index.html").read_text()
    assert 'class="mermaid"' in architecture, "the pipeline diagram is not rendered as Mermaid"
    assert "Add a lint rule" in (site / "contributing" / "index.html").read_text()


def test_the_readme_is_at_most_10_kb() -> None:
    assert len(README.encode()) <= 10 * 1024


def test_the_readme_links_only_to_pages_the_site_has() -> None:
    pages = re.findall(re.escape(DOCS_URL) + r"/([a-z0-9-]+)/", README)
    assert len(set(pages)) >= 12
    for page in pages:
        assert (REPO / "docs" / f"{page}.md").is_file(), f"README links to a missing page {page}"


def test_the_site_url_is_the_one_sarif_links_to() -> None:
    config = (REPO / "mkdocs.yml").read_text()
    assert f"site_url: {DOCS_URL}/\n" in config
