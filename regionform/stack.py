"""`RegionformStack`: a spec's estate as a CDK for Terraform stack, for cdktf apps.

    from cdktf import App
    from regionform.stack import RegionformStack

    app = App()
    stack = RegionformStack(app, "production", spec="examples/bizflow.yaml")
    SqsQueue(stack, "jobs", provider=stack.provider("ap-south-1"), ...)
    app.synth()

Importing this module imports cdktf (and starts node through jsii): install the cdktf extra.
"""

from __future__ import annotations

from pathlib import Path

from constructs import Construct

from regionform.generators.root import generate_root
from regionform.pipeline import load_spec
from regionform.render.cdktf_stack import DocumentStack
from regionform.spec.model import Spec


class RegionformStack(DocumentStack):
    """A stack holding the root regionform generates for `spec` (a file or a loaded Spec).

    A spec with lint errors raises SpecError. With `bundle_modules` (the default) the
    modules the root calls are added as cdktf assets, so the synthesized stack is
    self-contained.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        spec: str | Path | Spec,
        bundle_modules: bool = True,
    ) -> None:
        model = spec if isinstance(spec, Spec) else load_spec(spec)
        root = generate_root(model)
        # Only bundled modules need copying; git sources are fetched by terraform init.
        modules = root.modules if model.modules.kind == "bundled" else ()
        super().__init__(
            scope, id, document=root.document, modules=modules, bundle_modules=bundle_modules
        )
