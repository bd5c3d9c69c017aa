"""`regionform map`: the estate as a Mermaid flowchart that Mermaid's own parser accepts.

The parse tests run tests/mermaid/parse.mjs with node on the `mermaid` package installed by
`npm ci --prefix tests/mermaid` (.ci/run does it); without node or that install they skip.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import invoke
from conftest import EXAMPLES, REPO

from regionform.delivery.map import copies, estate_map
from regionform.pipeline import load_spec
from regionform.plan.summary import RootSummary, Row, Summary
from regionform.plan.table import changed_regions, markdown_table

sys.path.insert(0, str(REPO / "bench"))
from affected_roots import estate

MERMAID = REPO / "tests" / "mermaid"


def parse_with_mermaid(diagrams: list[str]) -> list[str | None]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: cannot run Mermaid's parser")
    if not (MERMAID / "node_modules" / "mermaid").is_dir():
        pytest.skip("Mermaid is not installed: run `npm ci --prefix tests/mermaid`")
    result = subprocess.run(
        [node, str(MERMAID / "parse.mjs")],
        input=json.dumps(diagrams),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    parsed: list[str | None] = json.loads(result.stdout)
    return parsed


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("map") / "estate.yaml"
    path.write_text(estate(8, 300))
    return path


def test_every_example_and_the_8x300_estate_parse_with_mermaid(synthetic: Path) -> None:
    specs = [*EXAMPLES, synthetic]
    diagrams = [estate_map(load_spec(path)) for path in specs]
    # And with changes highlighted, as the plan comment shows them.
    diagrams.append(estate_map(load_spec(EXAMPLES[0]), highlight=["ap-south-1", "us-east-1"]))
    errors = parse_with_mermaid(diagrams)
    named = [*(p.name for p in specs), "highlighted"]
    assert dict(zip(named, errors, strict=True)) == dict.fromkeys(named)


def test_the_parser_rejects_a_broken_diagram() -> None:
    # The parse test can fail: Mermaid refuses what it cannot read.
    (error,) = parse_with_mermaid(['flowchart LR\n  a[[x"]] --> '])
    assert error is not None and "Parse error" in error


def test_bizflow_map_shows_regions_by_jurisdiction_copies_and_routing() -> None:
    text = estate_map(load_spec(REPO / "examples" / "bizflow.yaml"))
    assert text.startswith("flowchart LR\n")
    assert '  subgraph j2["IN"]\n    r_ap_south_1["ap-south-1<br/>primary<br/>' in text
    assert '  t_thames_retail(["thames-retail"]) --- r_eu_west_2' in text
    assert '  r_ap_south_1 -->|"RDS read replica"| r_ap_southeast_1' in text
    assert '  dns -->|"EU"| r_eu_west_2' in text
    assert '  dns -.->|"app: failover"| r_ap_southeast_1' in text
    assert "classDef" not in text  # nothing highlighted


def test_every_copy_is_an_arrow(synthetic: Path) -> None:
    spec = load_spec(REPO / "examples" / "bizflow.yaml")
    text = estate_map(spec)
    assert copies(spec)
    for copy in copies(spec):
        assert f'-->|"{copy.what}"| r_{copy.target.replace("-", "_")}' in text


def test_many_tenants_collapse_to_a_count_per_region(synthetic: Path) -> None:
    text = estate_map(load_spec(synthetic))
    assert '  tenants_ap_south_1(["38 tenants"]) --- r_ap_south_1' in text
    assert "t_tenant_0001" not in text
    assert len(text.splitlines()) < 80  # readable: no line per tenant


def test_changed_regions_are_highlighted() -> None:
    text = estate_map(load_spec(REPO / "examples" / "bizflow.yaml"), highlight=["eu-west-2"])
    assert text.endswith("  class r_eu_west_2 changed\n")


def test_the_plan_comment_embeds_the_map_above_the_table() -> None:
    summary = Summary(
        (RootSummary("eu-west-2", "p/eu-west-2", True, (Row("eu-west-2", "eu-west-2", "s3", 1),)),)
    )
    assert changed_regions(summary) == {"eu-west-2"}
    diagram = estate_map(load_spec(REPO / "examples" / "bizflow.yaml"), changed_regions(summary))
    comment = markdown_table(summary, diagram=diagram)
    before, _, after = comment.partition("```mermaid\n")
    assert before.startswith("### regionform plan: 1 to add")
    assert after.index("class r_eu_west_2 changed") < after.index("```\n") < after.index("| region")


def test_the_command_prints_the_map() -> None:
    result = invoke(["map", str(REPO / "examples" / "teddy-bear.yaml")])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("flowchart LR\n")


def test_one_map_renders_to_svg_in_a_headless_browser(tmp_path: Path) -> None:
    browsers = ("chromium", "chromium-browser", "google-chrome")
    browser = next((found for name in browsers if (found := shutil.which(name))), None)
    if browser is None:
        pytest.skip("no headless Chromium here to render with")
    script = MERMAID / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
    if not script.is_file():
        pytest.skip("Mermaid is not installed: run `npm ci --prefix tests/mermaid`")
    diagram = estate_map(load_spec(REPO / "examples" / "bizflow.yaml"), ["eu-west-2"])
    shutil.copy(script, tmp_path / "mermaid.min.js")
    page = tmp_path / "map.html"
    page.write_text(
        f'<!doctype html><html><body><pre class="mermaid">{html.escape(diagram)}</pre>'
        '<script src="mermaid.min.js"></script><script>'
        "mermaid.initialize({startOnLoad: false});"
        "mermaid.run().then(() => document.body.dataset.rendered = 'yes')"
        ".catch(e => document.body.dataset.rendered = 'error: ' + e);"
        "</script></body></html>"
    )
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=20000"]
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    ).stdout
    assert 'data-rendered="yes"' in dom
    svg = dom[dom.index("<svg") : dom.index("</svg>")]
    assert 'aria-roledescription="flowchart-v2"' in svg
    for name in ("ap-south-1", "eu-west-2", "thames-retail", "RDS read replica"):
        assert name in svg
    assert "changed" in svg  # the highlighted region keeps its class
