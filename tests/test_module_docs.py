"""Module READMEs carry input/output tables generated from the modules' own `.tf` files
(`scripts/module_docs.py`, between terraform-docs' markers), and they are current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO

SCRIPT = REPO / "scripts" / "module_docs.py"

MAIN_TF = 'resource "aws_sns_topic" "this" {\n  name = var.name\n}\n'
VARIABLES_TF = """\
variable "name" {
  description = "Topic name, e.g. alerts-<region>."
  type        = string
}

variable "subscribers" {
  description = <<-EOT
    Subscriptions keyed by name,
    wrapped over two lines.
  EOT
  type = map(object({
    protocol = string
    endpoint = string
  }))
  default = {}
}

variable "note" {
  description = "Free text, untyped."
  default     = null
}

variable "retries" {
  description = "Delivery retries (a | in prose, \\"quoted\\")."
  type        = number
  default     = 3
}
"""
OUTPUTS_TF = """\
output "topic_arn" {
  description = "ARN of the topic."
  value       = aws_sns_topic.this.arn
}
"""
VERSIONS_TF = """\
terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}
"""


def module_docs(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120
    )


def new_module(modules: Path, readme: str | None) -> Path:
    folder = modules / "sns"
    folder.mkdir(parents=True)
    (folder / "main.tf").write_text(MAIN_TF)
    (folder / "variables.tf").write_text(VARIABLES_TF)
    (folder / "outputs.tf").write_text(OUTPUTS_TF)
    (folder / "versions.tf").write_text(VERSIONS_TF)
    if readme is not None:
        (folder / "README.md").write_text(readme)
    return folder


def test_every_module_readme_is_current() -> None:
    result = module_docs("--check")
    assert result.returncode == 0, result.stderr
    for module in sorted(p for p in (REPO / "modules").iterdir() if (p / "main.tf").exists()):
        readme = (module / "README.md").read_text()
        assert readme.count("<!-- BEGIN_TF_DOCS -->") == 1, module.name
        assert readme.count("<!-- END_TF_DOCS -->") == 1, module.name


def test_a_module_added_later_gets_its_tables_appended(tmp_path: Path) -> None:
    folder = new_module(tmp_path, "# sns\n\nHand-written overview.\n")

    stale = module_docs("--check", "--modules", str(tmp_path))
    assert stale.returncode == 1
    assert f"{folder / 'README.md'}: input/output tables are not current" in stale.stderr
    assert (folder / "README.md").read_text() == "# sns\n\nHand-written overview.\n"

    assert module_docs("--modules", str(tmp_path)).returncode == 0
    readme = (folder / "README.md").read_text()
    assert readme.startswith("# sns\n\nHand-written overview.\n\n<!-- BEGIN_TF_DOCS -->\n")
    assert readme.endswith("<!-- END_TF_DOCS -->\n")
    assert module_docs("--check", "--modules", str(tmp_path)).returncode == 0


def test_a_module_without_a_readme_gets_one(tmp_path: Path) -> None:
    folder = new_module(tmp_path, None)
    assert module_docs("--modules", str(tmp_path)).returncode == 0
    assert (folder / "README.md").read_text().startswith("# sns\n\n<!-- BEGIN_TF_DOCS -->\n")


def test_tables_follow_the_variables_and_outputs(tmp_path: Path) -> None:
    folder = new_module(tmp_path, "# sns\n")
    module_docs("--modules", str(tmp_path))
    readme = (folder / "README.md").read_text()

    # Required inputs first, then the rest by name.
    inputs = readme[readme.index("## Inputs") : readme.index("## Outputs")]
    assert inputs.index("`name`") < inputs.index("`retries`") < inputs.index("`subscribers`")
    assert (
        '| <a name="input_name"></a> `name` | Topic name, e.g. alerts-&lt;region&gt;. '
        "| `string` | n/a | yes |" in inputs
    )
    assert '| Delivery retries (a \\| in prose, "quoted"). | `number` | `3` | no |' in inputs
    assert "| Free text, untyped. | `any` | `null` | no |" in inputs
    # A heredoc description reads as one paragraph; a multi-line type keeps its layout.
    assert "| Subscriptions keyed by name, wrapped over two lines. |" in inputs
    assert (
        "<pre>map(object({<br>  protocol = string<br>  endpoint = string<br>}))</pre> | `{}` | no |"
        in inputs
    )
    assert '| <a name="output_topic_arn"></a> `topic_arn` | ARN of the topic. |' in readme
    assert "| aws | `~> 5.100` |" in readme
    assert (
        "| [aws_sns_topic.this](https://registry.terraform.io/providers/hashicorp/aws/latest/"
        "docs/resources/sns_topic) | resource |" in readme
    )


def test_a_changed_description_makes_the_readme_stale(tmp_path: Path) -> None:
    folder = new_module(tmp_path, "# sns\n")
    module_docs("--modules", str(tmp_path))
    variables = folder / "variables.tf"
    variables.write_text(variables.read_text().replace("Topic name", "Name of the topic"))

    assert module_docs("--check", "--modules", str(tmp_path)).returncode == 1
    module_docs("--modules", str(tmp_path))
    assert "Name of the topic, e.g." in (folder / "README.md").read_text()
    assert "# sns\n\n<!-- BEGIN_TF_DOCS -->" in (folder / "README.md").read_text()
