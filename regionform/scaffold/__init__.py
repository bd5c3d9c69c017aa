"""`regionform init`: the files a new repository needs, rendered from the templates here.

The templates ship as package data (they are read with importlib.resources), so an
installed regionform scaffolds without this repository checked out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from regionform.about import HOMEPAGE, __version__
from regionform.findings import UsageError
from regionform.spec.aws import AZ_COUNTS

SPEC_DIR = "specs"
OUT = "out"
# The layout CI plans: one root per region lets the workflow plan them in parallel, and
# choosing it on day one avoids a state migration later.
LAYOUT = "per-region"
SCHEMA_FILE = ".regionform/schema.json"
PRE_COMMIT_CONFIG = ".pre-commit-config.yaml"
WORKFLOW = ".github/workflows/regionform.yml"
ATLANTIS = "atlantis.yaml"
CI_SYSTEMS = ("github", "atlantis")
TERRAFORM_VERSION = "1.11.4"

_NAME = re.compile(r"^[a-z]([a-z0-9-]*[a-z0-9])?$")
_TOKEN = re.compile(r"__[A-Z_]+__")


@dataclass(frozen=True)
class Estate:
    """What the user told `init` about the estate they are starting."""

    project: str
    environment: str = "production"
    regions: tuple[str, ...] = ("ap-south-1",)

    @property
    def spec_path(self) -> str:
        return f"{SPEC_DIR}/{self.environment}.yaml"


def project_from_directory(directory: Path) -> str:
    """A project name from the folder name (`My Estate` → `my-estate`), as the schema allows."""
    name = re.sub(r"[^a-z0-9-]+", "-", directory.resolve().name.lower())
    name = re.sub(r"^[^a-z]+", "", name)[:24].strip("-")
    return name


def check_estate(estate: Estate) -> None:
    """Refuse what the starter spec could not lint clean with, before writing anything."""
    if not (_NAME.match(estate.project) and len(estate.project) <= 24):
        raise UsageError(
            f"project name {estate.project!r}: use up to 24 lowercase letters, digits and "
            "hyphens, starting with a letter (--project NAME)"
        )
    if not (_NAME.match(estate.environment) and len(estate.environment) <= 16):
        raise UsageError(
            f"environment {estate.environment!r}: use up to 16 lowercase letters, digits and "
            "hyphens, starting with a letter"
        )
    if not estate.regions:
        raise UsageError("give at least one --region")
    for region in estate.regions:
        if region not in AZ_COUNTS:
            raise UsageError(f"{region!r} is not an AWS region regionform knows (e.g. ap-south-1)")
    if len(set(estate.regions)) != len(estate.regions):
        raise UsageError("each --region once")
    if len(estate.regions) > 200:
        raise UsageError("at most 200 regions (one 10.N.0.0/16 VPC range each)")


def _regions_block(regions: tuple[str, ...]) -> str:
    # First region primary, second its DR, the rest serve their own tenants; one /16 each
    # so no two VPCs overlap (RF101) and every range is RFC 1918 (RF102).
    lines = []
    for number, region in enumerate(regions, start=1):
        role = "primary" if number == 1 else "dr" if number == 2 else "regional"
        az_count = min(3, AZ_COUNTS[region])
        nat = "per_az" if number == 1 else "single"
        lines += [
            f"  {region}:",
            f"    role: {role}",
            f"    vpc: {{cidr: 10.{number}.0.0/16, az_count: {az_count}, nat: {nat}}}",
        ]
    return "\n".join(lines)


def _fill(template: str, values: dict[str, str]) -> str:
    return _TOKEN.sub(lambda match: values[match.group(0)[2:-2]], _template(template))


def _template(name: str) -> str:
    return resources.files("regionform.scaffold").joinpath(name).read_text("utf-8")


def _atlantis_config(spec_text: str, spec_path: str) -> str:
    """atlantis.yaml for the starter spec's roots, as `regionform atlantis` writes it."""
    import tempfile

    from regionform.delivery.atlantis import render_config, repo_config
    from regionform.pipeline import roots

    with tempfile.TemporaryDirectory(prefix="regionform-init-") as folder:
        path = Path(folder) / Path(spec_path).name
        path.write_text(spec_text, "utf-8")
        laid_out = roots(path, LAYOUT)
    return render_config(repo_config(laid_out, spec_path, OUT, "hcl", LAYOUT))


def scaffold_files(estate: Estate, ci: str = "github") -> dict[str, str]:
    """Every file `init` writes, path relative to the repository → text.

    `ci` is where plans run: `github` (a GitHub Actions workflow) or `atlantis`.
    """
    from regionform.spec.validate import schema_text

    check_estate(estate)
    if ci not in CI_SYSTEMS:
        raise UsageError(f"unknown CI {ci!r}: use {' or '.join(CI_SYSTEMS)}")
    values = {
        "PROJECT": estate.project,
        "ENVIRONMENT": estate.environment,
        "STATE_REGION": estate.regions[0],
        "REGIONS": _regions_block(estate.regions),
        "SPEC": estate.spec_path,
        "SPEC_DIR": SPEC_DIR,
        "SCHEMA_PATH": "../" + SCHEMA_FILE,
        "OUT": OUT,
        "LAYOUT": LAYOUT,
        "HOMEPAGE": HOMEPAGE,
        "VERSION": __version__,
        "TERRAFORM_VERSION": TERRAFORM_VERSION,
    }
    spec = _fill("spec.yaml", values)
    files = {
        estate.spec_path: spec,
        SCHEMA_FILE: schema_text(),
        PRE_COMMIT_CONFIG: _fill("pre-commit-config.yaml", values),
    }
    if ci == "atlantis":
        files[ATLANTIS] = _atlantis_config(spec, estate.spec_path)
    else:
        files[WORKFLOW] = _fill("regionform.yml", values)
    return files


@dataclass(frozen=True)
class Written:
    path: str
    action: str  # "wrote", "overwrote", "unchanged" or "kept" (exists; --force replaces)


def write_scaffold(directory: Path, files: dict[str, str], force: bool = False) -> list[Written]:
    """Write the files under `directory`; an existing file is kept unless `force`."""
    report = []
    for relative, text in files.items():
        target = directory / relative
        if target.is_dir():
            raise UsageError(f"{target}: is a directory; move it away to scaffold here")
        if target.exists():
            if target.read_text("utf-8", errors="replace") == text:
                report.append(Written(relative, "unchanged"))
                continue
            if not force:
                report.append(Written(relative, "kept"))
                continue
        action = "overwrote" if target.exists() else "wrote"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8")
        except OSError as error:
            raise UsageError(f"{target}: cannot write: {error.strerror}") from None
        report.append(Written(relative, action))
    return report
