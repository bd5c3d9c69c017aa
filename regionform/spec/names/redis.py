"""ElastiCache names: one replication group per region with a cache."""

from __future__ import annotations

from regionform.spec.model import Region, Spec
from regionform.spec.names import DerivedName
from regionform.spec.quotas import Usage

COMPASS = {
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "central": "c",
    "northeast": "ne",
    "northwest": "nw",
    "southeast": "se",
    "southwest": "sw",
}
ID_LIMIT = 40


def short_region(name: str) -> str:
    """AWS's short form of a region name: ap-southeast-1 → apse1, eu-west-2 → euw2."""
    parts = name.split("-")
    middle = "".join(COMPASS.get(part, part[:1]) for part in parts[1:-1])
    return f"{parts[0]}{middle}{parts[-1]}"


def call_name(region: Region) -> str:
    return f"redis_{region.alias}"


def group_id(spec: Spec, region: Region) -> str:
    # ElastiCache ids allow 40 characters and the module appends "-default" to user ids.
    return f"{spec.prefix}-{short_region(region.name)}"


def derived(spec: Spec) -> list[DerivedName]:
    names = []
    for region in spec.regions:
        if region.cache is not None:
            path = ("regions", region.name, "cache")
            rg = group_id(spec, region)
            names += [
                DerivedName(rg, ID_LIMIT, "ElastiCache replication group id", path),
                DerivedName(f"{rg}-default", ID_LIMIT, "ElastiCache user id", path),
            ]
    return names


def counts(spec: Spec) -> list[Usage]:
    """ElastiCache nodes per region: the region's cache has shards * (replicas + 1) nodes, one
    shard with cluster mode disabled. A Global Datastore secondary has its primary's shards."""
    usages = []
    for region in spec.regions:
        cache = region.cache
        if cache is None:
            continue
        shards = 1 if cache.shards is None else cache.shards
        source = spec.region(cache.secondary_of) if cache.secondary_of is not None else None
        if cache.shards is not None and source is not None and source.cache is not None:
            shards = source.cache.shards or shards
        nodes = shards * (cache.replicas + 1)
        usages.append(
            Usage("elasticache-nodes", region.name, nodes, ("regions", region.name, "cache"))
        )
    return usages
