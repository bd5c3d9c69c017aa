"""The per-region layout: the single root's document split into one root per region + global.

The split works on the single layout's document, so it needs no knowledge of generators:

- Each module block goes to the root named by its file stem (the region, or `global`);
  bundled module sources move one folder up (`../modules/<m>`), shared by every root.
- `region_<alias>` outputs go to that region's root; `edge` and `tenants` go to `global`.
  `global` therefore always exists: it holds the estate-wide outputs, whether or not the spec
  has DNS or a CloudFront WAF.
- Each root keeps only the provider aliases its blocks use (alias names unchanged) and gets
  its own backend (see `state.py`).
- Each `moved` block goes to the root that holds the module call its `to` address is in
  (renames never cross roots: a region cannot be renamed, RF151).
- Every `module.<call>` reference to a call in another root is rewritten: an exact value is
  computed in place; any other is read from the upstream root's `cross_root` output through
  `data "terraform_remote_state"`, with a placeholder and a warning `check` while the
  upstream root is not applied (see `cross_root.py`). `cross_root` holds exactly the values
  other roots read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from regionform.document import Document, ModuleCall
from regionform.generators.root import GeneratedRoot
from regionform.layout.cross_root import computed_value, placeholder
from regionform.layout.references import Reference, rewrite_string, walk_strings
from regionform.layout.state import backend_block, remote_state, state_lookup, state_region
from regionform.spec.aws import GLOBAL_REGION, provider_alias
from regionform.spec.model import Spec

GLOBAL = "global"
BUNDLED_PREFIX = "./modules/"


@dataclass
class _Reads:
    """What one root reads from the others, filled while its strings are rewritten."""

    roots: set[str] = field(default_factory=set)  # every upstream root (for apply order)
    remote: dict[str, list[Reference]] = field(default_factory=dict)  # upstream → values
    computed: bool = False  # uses partition/account to compute values in place


def root_alias(root: str) -> str:
    """The label of the remote-state data source reading `root`: ap-south-1 → ap_south_1."""
    return provider_alias(root)


def _provider_of(root: str) -> str:
    return f"aws.{provider_alias(GLOBAL_REGION if root == GLOBAL else root)}"


def _remote_path(upstream: str, reference: Reference) -> str:
    keys = "".join(f'["{key}"]' for key in reference.keys)
    return (
        f"data.terraform_remote_state.{root_alias(upstream)}[0].outputs.cross_root."
        f"{reference.call}.{reference.output}{keys}"
    )


def _quoted(template: str) -> str:
    assert '"' not in template and "\\" not in template, template
    return f'"{template}"'


class _Rewriter:
    def __init__(self, home: dict[str, str], calls: dict[str, ModuleCall], root: str):
        self.home = home
        self.calls = calls
        self.root = root
        self.reads = _Reads()

    def _replace(self, reference: Reference) -> str | None:
        upstream = self.home.get(reference.call)
        if upstream is None or upstream == self.root:
            return None
        self.reads.roots.add(upstream)
        computed = computed_value(self.calls[reference.call], reference)
        if computed is not None:
            # A name fixed by the spec (the audit bucket's) needs no partition or account.
            self.reads.computed |= "${" in computed
            return _quoted(computed)
        self.reads.remote.setdefault(upstream, []).append(reference)
        return f"try({_remote_path(upstream, reference)}, {placeholder(upstream)})"

    def string(self, text: str) -> str:
        rewritten = rewrite_string(text, self._replace)
        # `${"arn:…"}` is the template "arn:…": keep the output readable.
        if rewritten.startswith('${"') and rewritten.endswith('"}') and rewritten != text:
            inner = rewritten[3:-2]
            if '"' not in inner:
                return inner
        return rewritten


def _cross_root_output(references: list[Reference]) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for reference in sorted(set(references), key=lambda r: r.text):
        node = value.setdefault(reference.call, {})
        if not reference.keys:
            node[reference.output] = "${" + reference.text + "}"
            continue
        node = node.setdefault(reference.output, {})
        for key in reference.keys[:-1]:
            node = node.setdefault(key, {})
        node[reference.keys[-1]] = "${" + reference.text + "}"
    return value


def _check(root: str, upstream: str, references: list[Reference]) -> dict[str, Any]:
    condition = " && ".join(
        f"can({_remote_path(upstream, r)})" for r in sorted(set(references), key=lambda r: r.text)
    )
    return {
        "assert": {
            "condition": "${" + condition + "}",
            "error_message": (
                f"Root {upstream} is not applied yet (or not since {root} began reading it): "
                f"values {root} reads from it are unknown in this plan and applying it now "
                "fails. Apply the roots in the order `regionform roots` prints, then plan this "
                "root again."
            ),
        }
    }


def _state_provider(spec: Spec) -> str | None:
    region = state_region(spec.state)
    return f"aws.{provider_alias(region)}" if region is not None else None


def _cross_root_file(spec: Spec, root: str, reads: _Reads) -> dict[str, Any] | None:
    data: dict[str, Any] = {}
    if reads.computed:
        provider = _provider_of(root)
        data["aws_partition"] = {"current": {"provider": provider}}
        data["aws_caller_identity"] = {"current": {"provider": provider}}
    state_provider = _state_provider(spec)
    for upstream in sorted(reads.remote):
        label = root_alias(upstream)
        lookup = (
            state_lookup(spec.state, upstream, state_provider)
            if state_provider is not None
            else None
        )
        if lookup is not None:
            data.setdefault("aws_s3_objects", {})[f"{label}_state"] = lookup
        data.setdefault("terraform_remote_state", {})[label] = remote_state(
            spec.state, upstream, f"{label}_state" if lookup is not None else None
        )
    if not data:
        return None
    body: dict[str, Any] = {"data": data}
    if reads.remote:
        body["check"] = {
            f"{root_alias(upstream)}_applied": _check(root, upstream, reads.remote[upstream])
            for upstream in sorted(reads.remote)
        }
    return body


@dataclass(frozen=True)
class SplitRoot:
    name: str
    document: Document
    reads: frozenset[str]


def split(spec: Spec, generated: GeneratedRoot) -> list[SplitRoot]:
    """One document per root, in name order (apply order is `order.py`'s job)."""
    document = generated.document
    calls = {call.name: call for call in generated.calls}
    blocks: dict[str, dict[str, Any]] = {}
    home: dict[str, str] = {}
    for stem, body in document.items():
        for name, block in body.get("module", {}).items():
            blocks.setdefault(stem, {})[name] = block
            home[name] = stem
    outputs: dict[str, dict[str, Any]] = {}
    by_alias = {region.alias: region.name for region in spec.regions}
    for name, output in document["outputs"]["output"].items():
        region = by_alias.get(name.removeprefix("region_")) if name.startswith("region_") else None
        outputs.setdefault(region or GLOBAL, {})[name] = output
    names = sorted(set(blocks) | set(outputs) | {GLOBAL})
    moved = _moved_by_root(document, home)

    rewritten: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    reads: dict[str, _Reads] = {}
    for root in names:
        rewriter = _Rewriter(home, calls, root)
        modules = {
            name: walk_strings(_moved_source(block), rewriter.string)
            for name, block in blocks.get(root, {}).items()
        }
        root_outputs = walk_strings(outputs.get(root, {}), rewriter.string)
        rewritten[root] = (modules, root_outputs)
        reads[root] = rewriter.reads

    exported: dict[str, list[Reference]] = {}
    for root_reads in reads.values():
        for upstream, references in root_reads.remote.items():
            exported.setdefault(upstream, []).extend(references)

    roots = []
    for root in names:
        modules, root_outputs = rewritten[root]
        if root in exported:
            root_outputs["cross_root"] = {
                "description": "Values other roots of this estate read (terraform_remote_state).",
                "value": _cross_root_output(exported[root]),
            }
        cross_root = _cross_root_file(spec, root, reads[root])
        aliases = {block["providers"]["aws"] for block in modules.values()}
        if cross_root is not None and reads[root].computed:
            aliases.add(_provider_of(root))
        state_provider = _state_provider(spec)
        if reads[root].remote and state_provider is not None:
            aliases.add(state_provider)
        root_document: Document = {
            "versions": document["versions"],
            "backend": backend_block(spec.state, root),
        }
        providers = _providers(document, aliases)
        if providers:
            root_document["providers"] = {"provider": {"aws": providers}}
        if modules:
            root_document["main"] = {"module": modules}
        if cross_root is not None:
            root_document["cross_root"] = cross_root
        if root in moved:
            root_document["moved"] = {"moved": moved[root]}
        if root_outputs:
            root_document["outputs"] = {"output": root_outputs}
        roots.append(SplitRoot(root, root_document, frozenset(reads[root].roots)))
    return roots


def _moved_by_root(document: Document, home: dict[str, str]) -> dict[str, list[Any]]:
    """The single root's `moved` blocks, each in the root holding its module call."""
    by_root: dict[str, list[Any]] = {}
    for block in document.get("moved", {}).get("moved", []):
        call = str(block["to"]).removeprefix("module.").split(".", 1)[0].split("[", 1)[0]
        if call not in home:
            # A move outside our module calls has no root to go to: a generator bug.
            raise ValueError(f"moved block to {block['to']!r} names no module call of the estate")
        by_root.setdefault(home[call], []).append(block)
    return by_root


def _providers(document: Document, aliases: set[str]) -> list[dict[str, Any]]:
    """The single root's provider configurations these roots use; a region the spec lacks
    (the state bucket's) gets a plain one."""
    configs = document["providers"]["provider"]["aws"]
    known = {f"aws.{config['alias']}" for config in configs}
    chosen = [config for config in configs if f"aws.{config['alias']}" in aliases]
    for alias in sorted(aliases - known):
        name = alias.removeprefix("aws.")
        chosen.append({"alias": name, "region": name.replace("_", "-")})
    return sorted(chosen, key=lambda config: str(config["alias"]))


def _moved_source(block: dict[str, Any]) -> dict[str, Any]:
    """Bundled modules sit beside the roots, at `<environment>/modules/`."""
    source = block["source"]
    if isinstance(source, str) and source.startswith(BUNDLED_PREFIX):
        return {**block, "source": "../modules/" + source.removeprefix(BUNDLED_PREFIX)}
    return block
