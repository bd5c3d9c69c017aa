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
    # Subtrees that came from another file (tenants_from), by the path of their root.
    files: dict[Path, str] = field(default_factory=dict)

    def include(self, at: Path, roots: set[str | int], other: SourceMap) -> None:
        """Take `other`'s positions under its top-level keys `roots` as this map's under `at`."""
        for table, mine in ((other.values, self.values), (other.keys, self.keys)):
            for path, mark in table.items():
                if path and path[0] in roots:
                    mine[(*at, *path)] = mark
        for root in roots:
            self.files[(*at, root)] = other.file

    def file_of(self, path: Path) -> str:
        """The file the node at `path` was written in."""
        if self.files:
            probe = tuple(path)
            while probe:
                if probe in self.files:
                    return self.files[probe]
                probe = probe[:-1]
        return self.file

    def _nearest(self, table: dict[Path, tuple[int, int]], path: Path) -> tuple[int, int]:
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            probe = probe[:-1]
        return table.get((), (1, 1))

    def value(self, path: Iterable[str | int]) -> Location:
        """Where the value at `path` starts."""
        probe = tuple(path)
        line, col = self._nearest(self.values, probe)
        return Location(self.file_of(probe), line, col)

    def key(self, path: Iterable[str | int]) -> Location:
        """Where the mapping key naming `path` starts (the value's position for list items)."""
        probe = tuple(path)
        if probe in self.keys:
            line, col = self.keys[probe]
            return Location(self.file_of(probe), line, col)
        return self.value(probe)
