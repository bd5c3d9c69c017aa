"""RF182: a service's cpu and memory must be a pair Fargate accepts.

Fargate offers fixed memory sizes per CPU: 256 CPU with 512, 1024 or 2048 MiB; 512 with
1024-4096; 1024 with 2048-8192; 2048 with 4096-16384 (steps of 1024); 4096 with 8192-30720
(steps of 1024); 8192 with 16384-61440 (steps of 4096); 16384 with 32768-122880 (steps of
8192).

Fails:

    regions:
      eu-west-1:
        services:
          api: {image: api:1, cpu: 256, memory: 4096}

Passes:

    regions:
      eu-west-1:
        services:
          api: {image: api:1, cpu: 1024, memory: 4096}
"""

from __future__ import annotations

from collections.abc import Iterator

from regionform.findings import Finding
from regionform.lint import Rule, ecs_services
from regionform.spec.model import Spec

GIB = 1024
# CPU units → the memory sizes (MiB) Fargate accepts with them.
FARGATE_MEMORY: dict[int, tuple[int, ...]] = {
    256: (512, 1024, 2048),
    512: tuple(m * GIB for m in range(1, 5)),
    1024: tuple(m * GIB for m in range(2, 9)),
    2048: tuple(m * GIB for m in range(4, 17)),
    4096: tuple(m * GIB for m in range(8, 31)),
    8192: tuple(m * 4 * GIB for m in range(4, 16)),
    16384: tuple(m * 8 * GIB for m in range(4, 16)),
}


def _range(cpu: int) -> str:
    sizes = FARGATE_MEMORY[cpu]
    if len(sizes) <= 3:
        return ", ".join(str(m) for m in sizes)
    return f"{sizes[0]}-{sizes[-1]} in steps of {sizes[1] - sizes[0]}"


def check(rule: Rule, spec: Spec) -> Iterator[Finding]:
    for _region, service, at in ecs_services(spec):
        sizes = FARGATE_MEMORY.get(service.cpu)
        if sizes is None or service.memory in sizes:
            continue
        fits = sorted(c for c, m in FARGATE_MEMORY.items() if service.memory in m)
        fix = f"or set cpu to {' or '.join(str(c) for c in fits)}" if fits else ""
        yield rule.finding(
            f"service {service.name!r}: Fargate does not offer {service.memory} MiB with "
            f"{service.cpu} CPU units",
            spec.source.value((*at, "memory")),
            hint=f"with cpu {service.cpu} use memory {_range(service.cpu)} {fix}".strip(),
        )


RULE = Rule("RF182", "fargate-size", "CPU and memory not a Fargate size", check)
