"""The choices users pick from on the command line and in the API, named once."""

from __future__ import annotations

# How the generated Terraform is cut into roots (see regionform.layout).
LAYOUTS = ("single", "per-region")
# How a root is written (see regionform.render).
FORMATS = ("hcl", "json")
# What builds the files: regionform's renderers, or CDK for Terraform (the cdktf extra).
ENGINES = ("native", "cdktf")
# How lint prints findings (see regionform.lint.report).
STYLES = ("text", "json", "github", "sarif")
