"""RF173: more ElastiCache nodes in a region than the account may run.

ElastiCache allows 300 nodes per region by default (Service Quotas L-DFE45DF3). regionform
creates one replication group per region with a cache: shards * (replicas + 1) nodes, one
shard when cluster mode is disabled; a Global Datastore secondary has as many shards as its
primary. Past the quota, `terraform apply` fails halfway, refused by ElastiCache. Caches made
outside the spec share the quota and are not counted. `regionform lint --quotas FILE`
counts against the account's raised quota instead of the default.

Fails:

    regions:
      eu-west-1:
        cache: {node_type: cache.r7g.large, shards: 61, replicas: 4}

Passes:

    regions:
      eu-west-1:
        cache: {node_type: cache.r7g.large, shards: 60, replicas: 4}
"""

from __future__ import annotations

from regionform.findings import Severity
from regionform.lint import Rule
from regionform.lint.quota import check_quota

RULE = Rule(
    "RF173",
    "elasticache-node-quota",
    "More ElastiCache nodes in a region than the account's quota",
    check_quota("elasticache-nodes", "each shard a primary and its replicas"),
    Severity.WARNING,
)
