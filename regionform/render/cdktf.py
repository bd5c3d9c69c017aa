"""The cdktf engine: the Terraform document synthesized through CDK for Terraform.

The same root as the json format, built from `AwsProvider`, `TerraformHclModule`, cdktf's
backend constructs and `TerraformOutput` (see cdktf_stack.py), written as the one file cdktf
synthesizes, `cdk.tf.json`. cdktf's `//` metadata stays in it; without it the content equals
the json engine's files merged.

cdktf is an optional extra: it is imported here, inside the function, so `lint` and the
native engine never load it (or node).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from regionform.document import Document
from regionform.findings import UsageError

# cdktf writes one file per stack; keep its name so cdktf users find what they expect.
FILE_NAME = "cdk.tf.json"
_EXTRA = {"cdktf", "cdktf_cdktf_provider_aws", "constructs", "jsii"}
INSTALL_HINT = "the cdktf engine needs the cdktf extra: pip install 'regionform[cdktf]'"


def _missing(error: ImportError) -> bool:
    return (error.name or "").split(".")[0] in _EXTRA


def render(document: Document, environment: str) -> dict[str, bytes]:
    """File name → bytes of the root's own files, synthesized by cdktf."""
    if shutil.which("node") is None:
        # jsii runs the bindings in node; without it jsii fails deep inside its runtime.
        raise UsageError("the cdktf engine needs Node.js: put `node` (18 or newer) on PATH")
    try:
        # cdktf_stack first: it quiets jsii's Node.js banners before cdktf starts node.
        from regionform.render import cdktf_stack
    except ImportError as error:
        if _missing(error):
            raise UsageError(INSTALL_HINT) from None
        raise
    import cdktf

    with tempfile.TemporaryDirectory(prefix="regionform-cdktf-") as outdir:
        # skip_validation: cdktf's validations only check provider version constraints
        # against its own pins; `terraform validate` is the check that counts.
        app = cdktf.App(outdir=outdir, skip_validation=True)
        cdktf_stack.DocumentStack(app, environment, document=document, bundle_modules=False)
        app.synth()
        synthesized = Path(outdir) / "stacks" / environment / FILE_NAME
        return {FILE_NAME: synthesized.read_bytes()}
