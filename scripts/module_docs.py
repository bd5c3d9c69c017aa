"""Writes the requirements, resources, inputs and outputs tables of each module's README.

terraform-docs is not packaged on PyPI, Debian or npm, so this reads the same facts from the
module's `.tf` files with `hcl2` and writes them between terraform-docs' own markers
(`<!-- BEGIN_TF_DOCS -->` / `<!-- END_TF_DOCS -->`): a team can switch to terraform-docs later
without touching the READMEs' hand-written parts.

    python scripts/module_docs.py            # rewrite every modules/*/README.md
    python scripts/module_docs.py --check    # exit 1 naming each README that is not current

A module is a folder of `modules/` holding a `main.tf`; a README without the markers gets the
block appended.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hcl2.api import loads as parse_hcl

BEGIN = "<!-- BEGIN_TF_DOCS -->"
END = "<!-- END_TF_DOCS -->"
REPO = Path(__file__).resolve().parent.parent
PROVIDER_DOCS = "https://registry.terraform.io/providers/{source}/latest/docs/{kind}/{name}"


@dataclass(frozen=True)
class Input:
    name: str
    description: str
    type: str
    default: str | None  # rendered HCL value; None when the input is required


@dataclass(frozen=True)
class Output:
    name: str
    description: str


@dataclass(frozen=True)
class Resource:
    type: str
    name: str
    data: bool


@dataclass(frozen=True)
class Module:
    requirements: tuple[tuple[str, str], ...]  # (name, version constraint)
    provider_sources: dict[str, str]  # local provider name -> source, for resource links
    resources: tuple[Resource, ...]
    inputs: tuple[Input, ...]
    outputs: tuple[Output, ...]


def _one(block: dict[str, Any], key: str, default: Any = None) -> Any:
    """hcl2 wraps every attribute value in a one-element list."""
    values = block.get(key)
    return values[0] if values else default


def _block_source(source: str, kind: str, name: str) -> str:
    """The text of the top-level `kind "name" { ... }` block (`terraform fmt` closes it with a
    `}` in the first column)."""
    match = re.search(rf'^{kind}\s+"{re.escape(name)}"\s*\{{.*?^\}}', source, re.M | re.S)
    return match.group(0) if match else ""


def _type_source(block_source: str) -> str:
    """The `type = ...` expression of a variable block, exactly as written (hcl2 turns object
    types into Python reprs, which read worse than the source); `any` when it has none."""
    text = block_source
    match = re.search(r"^\s*type\s*=\s*", text, re.MULTILINE)
    if match is None:
        return "any"
    depth = 0
    end = match.end()
    while end < len(text) and not (text[end] == "\n" and depth == 0):
        if text[end] in "([{":
            depth += 1
        elif text[end] in ")]}":
            depth -= 1
        end += 1
    return _dedent(text[match.end() : end].rstrip())


def _dedent(expression: str) -> str:
    """A multi-line type as it would be written at the top level: `terraform fmt` indents its
    closing line like the `type` attribute, so that indentation comes off every line."""
    first, *rest = expression.split("\n")
    if not rest:
        return first
    closing = len(rest[-1]) - len(rest[-1].lstrip())
    return "\n".join([first, *(line[closing:] for line in rest)])


_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "r": "\r", "t": "\t"}


def _description(block_source: str, block: dict[str, Any]) -> str:
    """A block's description as Terraform reads it: hcl2 leaves a quoted string's escapes
    (`\\"`, `\\\\`, `\\n`, `\\uNNNN`) as written; a heredoc has none."""
    text = _one(block, "description", "")
    if re.search(r"^\s*description\s*=\s*<<", block_source, re.MULTILINE):
        return str(text)
    return re.sub(
        r'\\(["\\nrt]|u[0-9a-fA-F]{4})',
        lambda m: _ESCAPES.get(m.group(1)) or chr(int(m.group(1)[1:], 16)),
        str(text),
    )


def _hcl_value(value: Any) -> str:
    """A default as terraform-docs shows it: JSON, which is also valid HCL for literals."""
    return json.dumps(value, indent=2, sort_keys=False)


def _blocks(parsed: dict[str, Any], kind: str) -> Iterable[tuple[str, dict[str, Any]]]:
    for entry in parsed.get(kind, []):
        yield from entry.items()


def read_module(folder: Path) -> Module:
    requirements: list[tuple[str, str]] = []
    provider_sources: dict[str, str] = {}
    resources: list[Resource] = []
    inputs: list[Input] = []
    outputs: list[Output] = []
    for tf in sorted(folder.glob("*.tf")):
        text = tf.read_text()
        parsed = parse_hcl(text)
        for terraform in parsed.get("terraform", []):
            version = _one(terraform, "required_version")
            if version:
                requirements.append(("terraform", version))
            for providers in terraform.get("required_providers", []):
                for name, spec in sorted(providers.items()):
                    spec = spec[0] if isinstance(spec, list) else spec
                    if isinstance(spec, dict):
                        requirements.append((name, spec.get("version", "")))
                        provider_sources[name] = spec.get("source", f"hashicorp/{name}")
        for kind, data in (("resource", False), ("data", True)):
            for entry in parsed.get(kind, []):
                for type_, named in entry.items():
                    resources.extend(Resource(type_, name, data) for name in named)
        for name, block in _blocks(parsed, "variable"):
            inputs.append(
                Input(
                    name=name,
                    description=_description(_block_source(text, "variable", name), block),
                    type=_type_source(_block_source(text, "variable", name)),
                    default=_hcl_value(block["default"][0]) if "default" in block else None,
                )
            )
        for name, block in _blocks(parsed, "output"):
            source = _block_source(text, "output", name)
            outputs.append(Output(name=name, description=_description(source, block)))
    return Module(
        requirements=tuple(requirements),
        provider_sources=provider_sources,
        resources=tuple(sorted(resources, key=lambda r: (r.data, r.type, r.name))),
        inputs=tuple(sorted(inputs, key=lambda i: (i.default is not None, i.name))),
        outputs=tuple(sorted(outputs, key=lambda o: o.name)),
    )


def _cell(text: str) -> str:
    """One table cell of prose: `<`, `>` and pipes escaped (descriptions say things like
    `logs.<region>.amazonaws.com`); a wrapped heredoc joined into one paragraph, blank lines
    kept as paragraph breaks."""
    escaped = text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    paragraphs = [_joined(p) for p in re.split(r"\n\s*\n", escaped)]
    return "<br><br>".join(paragraphs).replace("|", "\\|").replace("*", "\\*")


def _joined(paragraph: str) -> str:
    """Wrapped lines joined by spaces; a line starting a list item (`- `) starts a new line."""
    items: list[str] = []
    for line in paragraph.split("\n"):
        words = " ".join(line.split())
        if items and not words.startswith("- "):
            items[-1] = f"{items[-1]} {words}".strip()
        else:
            items.append(words)
    return "<br>".join(items)


def _code(text: str) -> str:
    """Inline code for one line; a <pre> block (HTML-escaped) for several."""
    if "\n" not in text:
        return "`" + text.replace("|", "\\|") + "`"
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "<pre>" + escaped.replace("|", "&#124;").replace("\n", "<br>") + "</pre>"


def _resource_link(resource: Resource, sources: dict[str, str]) -> str:
    provider, _, name = resource.type.partition("_")
    source = sources.get(provider, f"hashicorp/{provider}")
    kind = "data-sources" if resource.data else "resources"
    address = f"{'data.' if resource.data else ''}{resource.type}.{resource.name}"
    url = PROVIDER_DOCS.format(source=source, kind=kind, name=name)
    return f"[{address}]({url})"


def render(module: Module) -> str:
    lines = ["## Requirements", "", "| Name | Version |", "|------|---------|"]
    lines += [f"| {name} | `{version}` |" for name, version in module.requirements]
    lines += ["", "## Resources", "", "| Name | Type |", "|------|------|"]
    lines += [
        f"| {_resource_link(r, module.provider_sources)} "
        f"| {'data source' if r.data else 'resource'} |"
        for r in module.resources
    ]
    lines += [
        "",
        "## Inputs",
        "",
        "| Name | Description | Type | Default | Required |",
        "|------|-------------|------|---------|:--------:|",
    ]
    lines += [
        f'| <a name="input_{i.name}"></a> `{i.name}` | {_cell(i.description)} | {_code(i.type)} '
        f"| {'n/a' if i.default is None else _code(i.default)} "
        f"| {'yes' if i.default is None else 'no'} |"
        for i in module.inputs
    ]
    lines += ["", "## Outputs", "", "| Name | Description |", "|------|-------------|"]
    lines += [
        f'| <a name="output_{o.name}"></a> `{o.name}` | {_cell(o.description)} |'
        for o in module.outputs
    ]
    return "\n".join(lines)


def updated_readme(readme: str, tables: str) -> str:
    block = f"{BEGIN}\n{tables}\n{END}"
    if BEGIN in readme and END in readme:
        before, _, rest = readme.partition(BEGIN)
        _, _, after = rest.partition(END)
        return before + block + after
    return readme.rstrip("\n") + "\n\n" + block + "\n"


def module_folders(modules: Path) -> list[Path]:
    return sorted(p for p in modules.iterdir() if (p / "main.tf").is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    parser.add_argument("--modules", type=Path, default=REPO / "modules", help="modules folder")
    args = parser.parse_args(argv)
    stale = []
    for folder in module_folders(args.modules):
        readme = folder / "README.md"
        current = readme.read_text() if readme.exists() else f"# {folder.name}\n"
        wanted = updated_readme(current, render(read_module(folder)))
        if wanted == current:
            continue
        stale.append(readme)
        if not args.check:
            readme.write_text(wanted)
    if args.check and stale:
        for readme in stale:
            print(
                f"{readme}: input/output tables are not current "
                "(fix: python scripts/module_docs.py)",
                file=sys.stderr,
            )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
