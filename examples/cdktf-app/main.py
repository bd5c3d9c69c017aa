"""An existing CDK for Terraform app that builds on regionform's root.

`RegionformStack` adds the BizFlow estate (one aws provider per region, the module calls,
the backend, the outputs) from ../bizflow.yaml; the app then adds its own typed resource:
an SQS queue for WhatsApp jobs in ap-south-1, on that region's provider and encrypted with
the storage key the generated kms module creates there.

    pip install 'regionform[cdktf]'
    export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
    python main.py          # or: cdktf synth (cdktf.json runs this file)
    cd cdktf.out/stacks/production && terraform init && terraform plan
"""

from __future__ import annotations

from pathlib import Path

from cdktf import App, Fn, TerraformOutput
from cdktf_cdktf_provider_aws.sqs_queue import SqsQueue

from regionform.stack import RegionformStack

SPEC = Path(__file__).resolve().parent.parent / "bizflow.yaml"


def build_app(outdir: str = "cdktf.out") -> App:
    app = App(outdir=outdir)
    stack = RegionformStack(app, "production", spec=SPEC)

    key_arns = stack.module("kms_ap_south_1").get("key_arns")
    queue = SqsQueue(
        stack,
        "whatsapp_jobs",
        provider=stack.provider("ap-south-1"),
        name="bizflow-production-whatsapp-jobs",
        kms_master_key_id=Fn.lookup(key_arns, "storage"),
        message_retention_seconds=4 * 24 * 3600,
    )
    TerraformOutput(stack, "whatsapp_jobs_queue_url", value=queue.url, static_id=True)
    return app


if __name__ == "__main__":
    build_app().synth()
