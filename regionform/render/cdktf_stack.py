"""`DocumentStack`: a Terraform document as a CDK for Terraform stack (the cdktf renderer).

Apps build on `regionform.stack.RegionformStack`, which generates the document from a spec.

The stack walks the Terraform document generically: every provider config becomes the
provider's construct (`AwsProvider`), every module block a `TerraformHclModule`, the backend
cdktf's backend construct, every output a `TerraformOutput`. A new generator adds blocks to
the document and needs no change here.

Logical ids are the document's own names (`vpc_ap_south_1`, `region_ap_south_1`, …), set
with `override_logical_id` / `static_id`: cdktf's default is a path-derived id with a hash
suffix, which would make every address differ from the json engine's and change whenever a
construct moves. With the same names, a plan of the cdktf output equals a plan of the json
output.

Strings in the document are already Terraform templates (`$${` for a literal `${`). cdktf
passes plain strings through to the JSON unchanged (it only resolves its own token
markers), so they reach Terraform exactly as the json engine writes them; the equality
test in tests/test_cdktf.py is the proof.

Importing this module imports cdktf (and starts node through jsii): only the cdktf engine
and cdktf apps import it.
"""

from __future__ import annotations

import hashlib
import inspect
import os
from typing import Any

# jsii prints a banner on every start under an unsupported Node.js; the engine's output is
# what matters, so silence both warnings unless the user set them.
os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "18,20")

import cdktf
from cdktf_cdktf_provider_aws.provider import AwsProvider
from constructs import Construct

from regionform.document import Document
from regionform.findings import UsageError
from regionform.spec.aws import provider_alias

# Provider type → its cdktf construct. Only aws today: the generators use nothing else.
PROVIDERS: dict[str, type[cdktf.TerraformProvider]] = {"aws": AwsProvider}
# Backend type → cdktf's backend construct.
BACKENDS: dict[str, type[cdktf.TerraformBackend]] = {
    "s3": cdktf.S3Backend,
    "local": cdktf.LocalBackend,
}
# Module block arguments that are Terraform meta-arguments, not the module's variables.
_MODULE_META = {"source", "providers", "version"}
# Meta-arguments no generator emits yet; refused rather than passed on as variables.
_MODULE_META_UNSUPPORTED = {"count", "for_each", "depends_on"}


def _keyword_arguments(construct: type[Any]) -> set[str]:
    return {
        name
        for name, parameter in inspect.signature(construct.__init__).parameters.items()
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY
    }


def _split(construct: type[Any], config: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Arguments the construct takes as typed keywords, and the rest.

    The rest (e.g. the S3 backend's `use_lockfile`, newer than cdktf 0.21's S3Backend) goes
    in with `add_override`, so the document is reproduced whatever the bindings lack.
    """
    known = _keyword_arguments(construct)
    typed = {key: value for key, value in config.items() if key in known}
    rest = {key: value for key, value in config.items() if key not in known}
    return typed, rest


def _blocks(value: Any) -> list[dict[str, Any]]:
    """Blocks of one type in JSON syntax: an object, or a list of objects."""
    return list(value) if isinstance(value, list) else [value]


class DocumentStack(cdktf.TerraformStack):
    """A stack holding a Terraform document: providers, backend, module calls and outputs.

    `modules` names the bundled modules the document calls; with `bundle_modules` (the
    default) they are added as cdktf assets, so the synthesized stack is self-contained. The
    regionform cdktf engine turns it off because its writer copies the modules to `modules/`
    like the other engines. Apps start from a spec with `regionform.stack.RegionformStack`.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        document: Document,
        modules: tuple[str, ...] = (),
        bundle_modules: bool = True,
    ) -> None:
        super().__init__(scope, id)
        self._providers: dict[str, cdktf.TerraformProvider] = {}
        self._moved: list[dict[str, Any]] = []
        self._modules: dict[str, cdktf.TerraformHclModule] = {}
        self._outputs: dict[str, cdktf.TerraformOutput] = {}
        self._module_sources = self._bundle(modules) if bundle_modules else {}
        # Every file's body is one namespace in Terraform; walk them in document order.
        for body in document.values():
            self._add_body(body)

    # -- what an app builds on ------------------------------------------------------------

    def provider(self, region: str) -> cdktf.TerraformProvider:
        """The aws provider of a region (e.g. "ap-south-1"), for the app's own resources."""
        key = f"aws.{provider_alias(region)}"
        if key not in self._providers:
            known = ", ".join(sorted(self._providers))
            raise KeyError(f"no provider for region {region!r} (have {known})")
        return self._providers[key]

    def module(self, name: str) -> cdktf.TerraformHclModule:
        """A generated module call by its name, e.g. "kms_ap_south_1"; `.get(output)`
        references one of its outputs."""
        return self._modules[name]

    @property
    def module_names(self) -> tuple[str, ...]:
        return tuple(self._modules)

    @property
    def output_names(self) -> tuple[str, ...]:
        return tuple(self._outputs)

    # -- the walk -------------------------------------------------------------------------

    def _add_body(self, body: dict[str, Any]) -> None:
        for block_type, content in body.items():
            if block_type == "terraform":
                self._add_terraform(content)
            elif block_type == "provider":
                for provider_type, configs in content.items():
                    for config in _blocks(configs):
                        self._add_provider(provider_type, config)
            elif block_type == "module":
                for name, block in content.items():
                    self._add_module(name, block)
            elif block_type == "output":
                for name, block in content.items():
                    self._add_output(name, block)
            elif block_type == "moved":
                self._add_moved(_blocks(content))
            else:
                # A block type no generator emits yet: cdktf has an escape hatch for it,
                # but silently writing something untyped would hide the gap.
                raise UsageError(
                    f"the cdktf engine does not know top-level block {block_type!r}; "
                    "use --format json, or teach regionform/render/cdktf_stack.py the block"
                )

    def _add_moved(self, blocks: list[dict[str, Any]]) -> None:
        """`moved` blocks as the stack's own JSON: cdktf's move API addresses constructs of
        this stack, not resources inside a module, which is what regionform's moves are."""
        self._moved.extend(blocks)
        self.add_override("moved", list(self._moved))

    def _add_terraform(self, settings: dict[str, Any]) -> None:
        for key, value in settings.items():
            if key == "backend":
                for backend_type, config in value.items():
                    self._add_backend(backend_type, config)
            else:
                # required_version, required_providers: cdktf writes its own
                # required_providers from the provider bindings ("aws" pinned to the
                # bindings' exact version); the document's constraint wins.
                self.add_override(f"terraform.{key}", value)

    def _add_backend(self, backend_type: str, config: dict[str, Any]) -> None:
        construct = BACKENDS.get(backend_type)
        if construct is None:
            raise UsageError(f"the cdktf engine has no construct for backend {backend_type!r}")
        typed, rest = _split(construct, config)
        construct(self, **typed)
        for key, value in rest.items():
            self.add_override(f"terraform.backend.{backend_type}.{key}", value)

    def _add_provider(self, provider_type: str, config: dict[str, Any]) -> None:
        construct = PROVIDERS.get(provider_type)
        if construct is None:
            raise UsageError(f"the cdktf engine has no construct for provider {provider_type!r}")
        alias = config.get("alias")
        name = f"{provider_type}_{alias}" if alias else provider_type
        typed, rest = _split(construct, config)
        # Nested blocks (default_tags, assume_role, …) go in as overrides: cdktf writes a
        # typed block as a list and keeps it a list whatever override follows, while the
        # document writes a single block as an object. Both mean the same to Terraform,
        # but the document is the contract, so it is written as is.
        for key, value in config.items():
            if isinstance(value, dict | list) and key in typed:
                rest[key] = typed.pop(key)
        provider = construct(self, name, **typed)
        for key, value in rest.items():
            provider.add_override(key, value)
        self._providers[f"{provider_type}.{alias}" if alias else provider_type] = provider

    def _add_module(self, name: str, block: dict[str, Any]) -> None:
        unsupported = sorted(_MODULE_META_UNSUPPORTED & set(block))
        if unsupported:
            raise UsageError(
                f"the cdktf engine does not map {', '.join(unsupported)} of module {name!r} "
                "yet; use --format json, or teach regionform/render/cdktf_stack.py"
            )
        source = block["source"]
        providers: list[cdktf.TerraformProvider | cdktf.TerraformModuleProvider] = []
        for inner, outer in block.get("providers", {}).items():
            provider = self._providers[outer]
            if "." in inner:
                # `aws.replica = aws.eu_west_2`: an aliased provider inside the module.
                alias = inner.split(".", 1)[1]
                providers.append(
                    cdktf.TerraformModuleProvider(module_alias=alias, provider=provider)
                )
            else:
                # `aws = aws.ap_south_1`: the module's default provider.
                providers.append(provider)
        variables = {key: value for key, value in block.items() if key not in _MODULE_META}
        module = cdktf.TerraformHclModule(
            self,
            name,
            source=self._module_sources.get(source, source),
            version=block.get("version"),
            providers=providers,
            variables=variables,
            # Our writer (or `bundle_modules`) puts the modules next to the root; cdktf's own
            # asset copying would rename every source to a hashed path.
            skip_asset_creation_from_local_modules=True,
        )
        module.override_logical_id(name)
        self._modules[name] = module

    def _add_output(self, name: str, block: dict[str, Any]) -> None:
        self._outputs[name] = cdktf.TerraformOutput(
            self,
            name,
            value=block["value"],
            description=block.get("description"),
            sensitive=block.get("sensitive"),
            static_id=True,  # the output is named `name`, not a hashed construct path
        )

    def _bundle(self, modules: tuple[str, ...]) -> dict[str, str]:
        """Our modules as cdktf assets: local source → the asset's path in the stack."""
        from regionform.bundle import module_files, modules_dir

        sources = {}
        for module in modules:
            # Hash only what the root needs (module_files), so stray files in a checkout's
            # modules/ (tests, .terraform) do not change the source path.
            digest = hashlib.sha256()
            for path, content in module_files(module).items():
                digest.update(path.encode() + b"\0" + content)
            asset = cdktf.TerraformAsset(
                self,
                f"module_{module}",
                path=str(modules_dir() / module),
                type=cdktf.AssetType.DIRECTORY,
                asset_hash=digest.hexdigest()[:16],
            )
            sources[f"./modules/{module}"] = f"./{asset.path}"
        return sources
