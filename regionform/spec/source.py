"""Where every node of a loaded spec came from, so any finding can say file:line:col."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from regionform.findings import Location

Path = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Positions of values and of mapping keys, keyed by their path from the document root.

    Aliased subtrees are recorded once, at their anchor; a lookup of a path inside an alias
    falls back to the nearest recorded ancestor, which is the alias itself.
    """

    file: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def _nearest(self, table: dict[Path, tuple[int, int]], path: Path) -> tuple[int, int]:
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            probe = probe[:-1]
        return table.get((), (1, 1))

    def value(self, path: Iterable[str | int]) -> Location:
        """Where the value at `path` starts."""
        line, col = self._nearest(self.values, tuple(path))
        return Location(self.file, line, col)

    def key(self, path: Iterable[str | int]) -> Location:
        """Where the mapping key naming `path` starts (the value's position for list items)."""
        probe = tuple(path)
        if probe in self.keys:
            line, col = self.keys[probe]
            return Location(self.file, line, col)
        return self.value(probe)
