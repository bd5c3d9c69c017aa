"""RF184: a service secret must be an ARN, never a value.

`secrets` maps an environment variable to the ARN of a Secrets Manager secret or an SSM
parameter; ECS injects the value at start. A literal would land in the generated Terraform, its
state and the task definition. The finding names the key and never repeats the value.

Fails:

    regions:
      eu-west-1:
        services:
          api:
            image: api:1
            cpu: 256
            memory: 512
            secrets: {DB_PASSWORD: not-an-arn}

Passes:

    regions:
      eu-west-1:
        services:
          api:
            image: api:1
            cpu: 256
            memory: 512
            secrets:
              DB_PASSWORD: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule, ecs_services
from regionform.spec.model import Spec
from regionform.spec.validate_arn import is_secret_arn


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for _region, service, at in ecs_services(spec):
        for name, value in service.secrets:
            if is_secret_arn(value):
                continue
            # Never echo the value: it may be the secret itself.
            yield rule.finding(
                f"service {service.name!r}: secret {name} is not a Secrets Manager or SSM "
                "parameter ARN (the value is not shown)",
                spec.source.key((*at, "secrets", name)),
                hint="store the value in Secrets Manager or SSM Parameter Store and give its "
                "ARN; move plain settings to environment",
            )


RULE = Rule("RF184", "secret-arn", "Service secret given as a value", check)
