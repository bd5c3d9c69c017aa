"""Safe YAML loading that keeps a position for every node.

We build values from libyaml's event stream ourselves instead of using PyYAML's constructor so
that we can (1) remember where each key and value starts, (2) refuse duplicate keys, which
PyYAML silently overwrites, (3) bound nesting depth and alias expansion, so hostile input fails
fast instead of hanging, and (4) resolve scalars with YAML 1.2 core rules: `NO` (Norway) stays a
string, only true/false are booleans.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

import yaml

from regionform.findings import Finding, Location, SpecError
from regionform.spec import codes
from regionform.spec.limits import (
    ALIAS_FACTOR,
    MAX_BYTES,
    MAX_DEPTH,
    MAX_NODES,
    MIN_ALIAS_ALLOWANCE,
)
from regionform.spec.source import Path, SourceMap

_ParserLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)$")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+$")
_INT_OCT = re.compile(r"0o[0-7]+$")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_STR_TAG = "tag:yaml.org,2002:str"
_KNOWN_TAGS = {
    _STR_TAG,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass(frozen=True)
class LoadedDocument:
    data: Any
    source: SourceMap


class _Abort(Exception):
    """Stops loading at once: the rest of the file cannot be trusted."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def _resolve_plain(text: str) -> Any:
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        return int(text)
    if _INT_HEX.match(text):
        return int(text, 16)
    if _INT_OCT.match(text):
        return int(text[2:], 8)
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        return float(text)
    if text in {".inf", "+.inf", ".Inf", "+.Inf", ".INF", "+.INF"}:
        return float("inf")
    if text in {"-.inf", "-.Inf", "-.INF"}:
        return float("-inf")
    if text in {".nan", ".NaN", ".NAN"}:
        return float("nan")
    return text


class _Frame:
    """An open mapping or sequence while its events stream in."""

    __slots__ = (
        "anchor",
        "container",
        "is_mapping",
        "key_mark",
        "mark",
        "merged_keys",
        "path",
        "pending_key",
        "size",
    )

    def __init__(self, container: Any, path: Path, mark: tuple[int, int], anchor: str | None):
        self.container = container
        self.is_mapping = isinstance(container, dict)
        self.path = path
        self.mark = mark
        self.anchor = anchor
        self.pending_key: str | None = None
        self.key_mark: tuple[int, int] | None = None
        self.merged_keys: set[str] = set()
        # Nodes this container expands to, aliases counted in full: the alias-bomb measure.
        self.size = 1


def _decode(raw: bytes, file: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Abort(
            Finding(
                codes.NOT_UTF8,
                "the file is UTF-16 encoded",
                Location(file, 1, 1),
                hint="save the spec as UTF-8",
            )
        )
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        line = raw.count(b"\n", 0, offset) + 1
        col = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
        raise _Abort(
            Finding(
                codes.NOT_UTF8,
                "the file contains a NUL byte: it looks binary, not like a YAML spec",
                Location(file, line, col),
                hint="point regionform at the YAML spec file",
            )
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _Abort(
            Finding(
                codes.NOT_UTF8,
                f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                Location(file, line, col),
                hint="save the spec as UTF-8",
            )
        ) from None


def _mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


def _check_collection_tag(event: Any, file: str) -> None:
    """Tags on lists and maps too: `!!python/object/apply:os.system [...]` is a sequence."""
    if event.tag in (None, "!") or event.tag in _KNOWN_TAGS:
        return
    raise _Abort(
        Finding(
            codes.YAML_SYNTAX,
            f"unsupported YAML tag {event.tag!r}",
            Location(file, *_mark(event)),
            hint="remove the tag; specs hold plain strings, numbers, booleans, lists and maps",
        )
    )


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _scalar_value(event: Any, file: str) -> Any:
    tag = event.tag
    if tag in (None, "!"):
        plain = event.implicit[0] and not event.style
        return _resolve_plain(event.value) if plain else event.value
    if tag not in _KNOWN_TAGS:
        line, col = _mark(event)
        raise _Abort(
            Finding(
                codes.YAML_SYNTAX,
                f"unsupported YAML tag {tag!r}",
                Location(file, line, col),
                hint="remove the tag; specs hold plain strings, numbers, booleans, lists and maps",
            )
        )
    if tag == _STR_TAG:
        return event.value
    value = _resolve_plain(event.value)
    return value


def parse_text(text: str, file: str) -> LoadedDocument:
    """Parse YAML text into plain Python data plus a source map; raises SpecError."""
    source = SourceMap(file)
    findings: list[Finding] = []
    anchors: dict[str, tuple[Any, int]] = {}
    stack: list[_Frame] = []
    root: list[Any] = []
    documents = 0
    written = 0
    aliased = 0

    def refuse_aliases(mark: tuple[int, int]) -> None:
        raise _Abort(
            Finding(
                codes.ALIAS_EXPANSION,
                f"aliases and merge keys expand the document by more than "
                f"{max(MIN_ALIAS_ALLOWANCE, ALIAS_FACTOR * written)} nodes (an alias bomb)",
                Location(file, *mark),
                hint="do not nest aliases of aliases; write the values out",
            )
        )

    def refuse_size(mark: tuple[int, int]) -> None:
        raise _Abort(
            Finding(
                codes.FILE_TOO_LARGE,
                f"the document holds more than {MAX_NODES} values; specs are limited to that",
                Location(file, *mark),
                hint="check that this is the spec file; split very large estates into one "
                "spec per environment",
            )
        )

    def attach(
        value: Any, mark: tuple[int, int], size: int, raw_key: Any = None, alias: bool = False
    ) -> None:
        """Place a finished value into the enclosing container (or as the document root).

        `size` is how many nodes the value expands to; a closed container was counted node
        by node as its children arrived, so only aliases add their whole size at once.
        Written nodes count against the size cap, alias copies against theirs.
        """
        nonlocal written, aliased
        if alias:
            aliased += size
            if aliased > MIN_ALIAS_ALLOWANCE and aliased > ALIAS_FACTOR * written:
                refuse_aliases(mark)
        else:
            written += size
            if written > MAX_NODES:
                refuse_size(mark)
        if not stack:
            root.append(value)
            source.values[()] = mark
            return
        frame = stack[-1]
        frame.size += size
        if not frame.is_mapping:
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
            source.values.setdefault(path, mark)
            return
        if frame.pending_key is None:
            # This value is a mapping key.
            if not isinstance(raw_key, str):
                raise _Abort(
                    Finding(
                        codes.YAML_SYNTAX,
                        "mapping keys must be plain strings, not lists or maps",
                        Location(file, *mark),
                        hint="use a simple string key",
                    )
                )
            frame.pending_key = raw_key
            frame.key_mark = mark
            return
        key = frame.pending_key
        frame.pending_key = None
        assert frame.key_mark is not None
        key_mark = frame.key_mark
        mapping: dict[str, Any] = frame.container
        if key == "<<" and isinstance(value, dict | list):
            merges = value if isinstance(value, list) else [value]
            for merge in merges:
                if not isinstance(merge, dict):
                    raise _Abort(
                        Finding(
                            codes.YAML_SYNTAX,
                            "a merge key (<<) must refer to a mapping or a list of mappings",
                            Location(file, *key_mark),
                            hint="merge only anchors of mappings, e.g. <<: *defaults",
                        )
                    )
                for mkey, mvalue in merge.items():
                    if mkey not in mapping:
                        mapping[mkey] = mvalue
                        frame.merged_keys.add(mkey)
                        source.keys.setdefault((*frame.path, mkey), key_mark)
                        source.values.setdefault((*frame.path, mkey), mark)
            return
        if key in mapping and key not in frame.merged_keys:
            first = source.keys.get((*frame.path, key), (0, 0))
            findings.append(
                Finding(
                    codes.DUPLICATE_KEY,
                    f"duplicate key {key!r} (first defined at line {first[0]})",
                    Location(file, *key_mark),
                    hint="remove one of the two entries; YAML keeps only one of them",
                )
            )
            return
        frame.merged_keys.discard(key)
        mapping[key] = value
        path = (*frame.path, key)
        source.keys[path] = key_mark
        source.values[path] = mark

    def child_path() -> Path:
        frame = stack[-1]
        if not frame.is_mapping:
            return (*frame.path, len(frame.container))
        return (*frame.path, frame.pending_key if frame.pending_key is not None else "?")

    def in_key_position() -> bool:
        if not stack:
            return False
        frame = stack[-1]
        return isinstance(frame.container, dict) and frame.pending_key is None

    # Plain scalars repeat (regions, tiers, countries): resolve each distinct text once.
    resolved: dict[str, Any] = {}
    parser = _ParserLoader(text)
    next_event = parser.get_event
    try:
        while (event := next_event()) is not None:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                mark = (event.start_mark.line + 1, event.start_mark.column + 1)
                frame = stack[-1] if stack else None
                if frame is not None and frame.pending_key is None and frame.is_mapping:
                    # A mapping key: keys are never counted as nodes.
                    frame.pending_key = event.value
                    frame.key_mark = mark
                    continue
                if event.tag is None and event.implicit[0] and not event.style:
                    text_value = event.value
                    value = resolved.get(text_value, resolved)
                    if value is resolved:
                        value = resolved[text_value] = _resolve_plain(text_value)
                else:
                    value = _scalar_value(event, file)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                if frame is not None and written < MAX_NODES:
                    # The common cases inline, as `attach` does them: a value for a new key,
                    # or a list item.
                    if frame.is_mapping:
                        key = frame.pending_key
                        key_mark = frame.key_mark
                        mapping = frame.container
                        if (
                            key is not None
                            and key_mark is not None
                            and key != "<<"
                            and key not in mapping
                        ):
                            written += 1
                            frame.size += 1
                            frame.pending_key = None
                            mapping[key] = value
                            path = (*frame.path, key)
                            source.keys[path] = key_mark
                            source.values[path] = mark
                            continue
                    else:
                        written += 1
                        frame.size += 1
                        items = frame.container
                        source.values.setdefault((*frame.path, len(items)), mark)
                        items.append(value)
                        continue
                attach(value, mark, 1)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Abort(
                        Finding(
                            codes.YAML_SYNTAX,
                            "the file holds more than one YAML document",
                            Location(file, *_mark(event)),
                            hint="keep one spec per file; remove the extra '---'",
                        )
                    )
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                mark = _mark(event)
                if in_key_position():
                    raise _Abort(
                        Finding(
                            codes.YAML_SYNTAX,
                            "mapping keys must be plain strings, not lists or maps",
                            Location(file, *mark),
                            hint="use a simple string key",
                        )
                    )
                if len(stack) >= MAX_DEPTH:
                    raise _Abort(
                        Finding(
                            codes.NESTED_TOO_DEEP,
                            f"the document is nested more than {MAX_DEPTH} levels deep",
                            Location(file, *mark),
                            hint="a regionform spec is only a few levels deep; flatten it",
                        )
                    )
                _check_collection_tag(event, file)
                path = child_path() if stack else ()
                container: Any = {} if kind is yaml.MappingStartEvent else []
                stack.append(_Frame(container, path, mark, event.anchor))
                source.values.setdefault(path, mark)
                if event.anchor:
                    # Recorded now, with no size, so an alias to an open container is caught.
                    anchors[event.anchor] = (container, -1)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.anchor:
                    anchors[frame.anchor] = (frame.container, frame.size)
                attach(frame.container, frame.mark, 1)
                if stack:
                    # The parent expands to everything this container expands to.
                    stack[-1].size += frame.size - 1
            elif kind is yaml.AliasEvent:
                mark = _mark(event)
                if event.anchor not in anchors:
                    raise _Abort(
                        Finding(
                            codes.YAML_SYNTAX,
                            f"unknown alias *{event.anchor}",
                            Location(file, *mark),
                            hint=f"define the anchor &{event.anchor} before this line, or write "
                            "the value out",
                        )
                    )
                value, size = anchors[event.anchor]
                if size < 0:
                    raise _Abort(
                        Finding(
                            codes.ALIAS_EXPANSION,
                            f"alias *{event.anchor} refers to itself",
                            Location(file, *mark),
                            hint="remove the recursive alias",
                        )
                    )
                if in_key_position():
                    if not isinstance(value, str):
                        raise _Abort(
                            Finding(
                                codes.YAML_SYNTAX,
                                "mapping keys must be plain strings",
                                Location(file, *mark),
                                hint="use a simple string key",
                            )
                        )
                    attach(None, mark, 0, raw_key=value)
                    continue
                attach(value, mark, size, alias=True)
    except _Abort as abort:
        raise SpecError([*findings, abort.finding]) from None
    except yaml.MarkedYAMLError as exc:
        problem_mark = exc.problem_mark or exc.context_mark
        line, col = (problem_mark.line + 1, problem_mark.column + 1) if problem_mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        raise SpecError(
            [
                *findings,
                Finding(
                    codes.YAML_SYNTAX,
                    f"YAML syntax error: {problem}",
                    Location(file, line, col),
                    hint="fix the YAML syntax at this position",
                ),
            ]
        ) from None
    except yaml.reader.ReaderError as exc:
        # Characters YAML forbids in a file (C0 controls, DEL, …): say where, not an offset.
        offset = exc.position
        if _ParserLoader is not yaml.SafeLoader:
            # libyaml counts bytes of the UTF-8 text; the pure-Python reader counts characters.
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
        line, col = _position(text, offset)
        raise SpecError(
            [
                *findings,
                Finding(
                    codes.NOT_UTF8,
                    f"the file contains the control character U+{exc.character:04X}, which "
                    "YAML does not allow",
                    Location(file, line, col),
                    hint=f'remove it; if you need it, write it as "\\x{exc.character:02x}" '
                    "inside a double-quoted string",
                ),
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise SpecError(
            [*findings, Finding(codes.YAML_SYNTAX, f"YAML error: {exc}", Location(file, 1, 1))]
        ) from None
    finally:
        parser.dispose()

    if findings:
        raise SpecError(findings)
    data = root[0] if root else None
    return LoadedDocument(data=data, source=source)


def load_file(path: str | FsPath, display_name: str | None = None) -> LoadedDocument:
    """Read and parse one spec file. Raises SpecError for bad content, OSError for I/O."""
    fs_path = FsPath(path)
    name = display_name or str(path)
    size = fs_path.stat().st_size
    if size > MAX_BYTES:
        raise SpecError(
            [
                Finding(
                    codes.FILE_TOO_LARGE,
                    f"the file is {size} bytes; specs are limited to {MAX_BYTES} bytes",
                    Location(name, 1, 1),
                    hint="check that this is the spec file; split very large estates into "
                    "one spec per environment",
                )
            ]
        )
    # O_NONBLOCK only for the open: a named pipe nobody writes to would block open() forever;
    # opened this way, reading it gives end-of-file instead, so it reads as empty. A pipe
    # that has a writer, as from `<(…)`, still delivers everything once reads block again.
    descriptor = os.open(fs_path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    os.set_blocking(descriptor, True)
    with open(descriptor, "rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise SpecError(
            [
                Finding(
                    codes.FILE_TOO_LARGE,
                    f"the file is larger than {MAX_BYTES} bytes",
                    Location(name, 1, 1),
                    hint="check that this is the spec file",
                )
            ]
        )
    try:
        text = _decode(raw, name)
    except _Abort as abort:
        raise SpecError([abort.finding]) from None
    return parse_text(text, name)
