"""ARN shapes the spec accepts where a value would be a secret."""

from __future__ import annotations

import re

# A Secrets Manager secret (optionally with :json-key:stage:version) or an SSM parameter.
SECRET_ARN = re.compile(
    r"^arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+(:[^\s]*)?"
    r"|ssm:[a-z0-9-]+:[0-9]{12}:parameter/[A-Za-z0-9/_.-]+)$"
)


def is_secret_arn(value: str) -> bool:
    return bool(SECRET_ARN.match(value))
