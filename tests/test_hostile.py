"""The hostile-input corpus, end to end through the real CLI.

Every case runs `python -m regionform generate` in a child process, into an output folder
that already holds a good generation of examples/bizflow.yaml, and must either fail with a
located finding that says how to fix it (or a clear one-line error), or render its text
literally; a failed run leaves the previous output byte for byte as it was, with no staging
folder or journal left behind. Each case gets under 2 s of CPU (the child's user + system
time, so a loaded CI machine cannot make it flake); the wall-clock timeout is only a hang
guard.

Cases live in tests/hostile/ (one file each, a comment at the top says what it attacks and
what to expect) or are built below where they are large, binary or about the output folder.
"""

from __future__ import annotations

import copy
import hashlib
import os
import random
import re
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import REPO, Terraform
from hostile.support import (
    BASE,
    HERE,
    hcl_token,
    json_token,
    places,
    schema_fields,
    terraform_reads_back,
    yaml_dump,
)

from regionform.spec.limits import MAX_BYTES

BIZFLOW = REPO / "examples" / "bizflow.yaml"
CPU_LIMIT_SECONDS = 2.0
HANG_GUARD_SECONDS = 120
FILE_CASES = sorted(p for p in HERE.glob("*.yaml") if p != BASE)
_EXPECT = re.compile(r"^# expect: (RF\d{3})(?: at (\d+):(\d+))?$", re.M)


@dataclass(frozen=True)
class Run:
    status: int
    stdout: str
    stderr: str
    cpu_seconds: float


def run_cli(args: list[str], cwd: Path, prelude: str = "", wrapper: tuple[str, ...] = ()) -> Run:
    """`python -m regionform ARGS` in a child; `prelude` runs first (to simulate faults),
    `wrapper` is a command the child runs under (to take privileges away)."""
    if prelude:
        command = [
            sys.executable,
            "-c",
            f"{prelude}\nimport sys\nfrom regionform.cli import main\n"
            f"sys.argv = ['regionform', *{args!r}]\nmain()",
        ]
    else:
        command = [sys.executable, "-m", "regionform", *args]
    command = [*wrapper, *command]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("REGIONFORM_DEBUG", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(done.returncode, done.stdout, done.stderr, cpu)


def tree(folder: Path) -> dict[str, str]:
    """Every entry under `folder` (hidden ones too): file hashes, link targets, folders."""
    out: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            out[name] = "link:" + os.readlink(path)
        elif path.is_file():
            out[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[name] = "dir"
    return out


@pytest.fixture(scope="session")
def previous_generation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("previous") / "out"
    result = run_cli(["generate", str(BIZFLOW), "--out", str(out)], cwd=REPO)
    assert result.status == 0, result.stderr
    return out


@pytest.fixture
def out(tmp_path: Path, previous_generation: Path) -> Path:
    target = tmp_path / "out"
    shutil.copytree(previous_generation, target, symlinks=True)
    return target


def generate(
    spec: Path, out: Path, *extra: str, prelude: str = "", wrapper: tuple[str, ...] = ()
) -> Run:
    result = run_cli(
        ["generate", str(spec), "--out", str(out), *extra], out.parent, prelude, wrapper
    )
    assert result.cpu_seconds < CPU_LIMIT_SECONDS, f"{result.cpu_seconds:.2f} s of CPU"
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return result


def assert_untouched(out: Path, before: dict[str, str]) -> None:
    assert tree(out) == before
    assert not [p for p in out.rglob("*") if "regionform-staging" in p.name]
    assert not list(out.rglob(".regionform-journal.json"))


def assert_located(
    result: Run, spec: Path, code: str, line: int | None, col: int | None, hint: bool = True
) -> None:
    assert result.status == 1, result.stderr[:2000]
    findings = [ln for ln in result.stderr.splitlines() if re.match(r".+:\d+:\d+: RF\d{3} ", ln)]
    assert findings, result.stderr[:2000]
    assert all(ln.startswith(f"{spec}:") for ln in findings), result.stderr[:2000]
    assert not hint or all("(fix: " in ln for ln in findings), result.stderr[:2000]
    where = f"{spec}:" + (f"{line}:" if line else "") + (f"{col}: " if col else "")
    assert any(ln.startswith(where) and f" {code} " in ln for ln in findings), result.stderr[:2000]


# --- cases kept as files ---------------------------------------------------------------


@pytest.mark.parametrize("case", FILE_CASES, ids=[p.stem for p in FILE_CASES])
def test_file_case_is_refused_with_a_located_finding(case: Path, out: Path) -> None:
    text = case.read_text("utf-8")
    assert text.startswith("# attacks: "), "say what the case attacks on its first line"
    match = _EXPECT.search(text)
    assert match, "say what to expect: `# expect: RFxxx at line:col`"
    code, line, col = match.group(1), match.group(2), match.group(3)
    spec = out.parent / case.name
    shutil.copy(case, spec)
    before = tree(out)
    result = generate(spec, out)
    assert_located(result, spec, code, int(line) if line else None, int(col) if col else None)
    assert_untouched(out, before)


# --- cases built at test time: size, encodings, binary -----------------------------------


def _base_bytes() -> bytes:
    return BASE.read_bytes()


def _base_line(marker: bytes) -> int:
    """The line of base.yaml a built case edits: cases keep working when base.yaml grows."""
    return _base_bytes()[: _base_bytes().index(marker)].count(b"\n") + 1


BUILT: dict[str, tuple[Callable[[], bytes], str, int | None, int | None]] = {
    # name: (content, code, line, col)
    "file-50-mb": (lambda: b"# padding\n" * 5_000_000 + _base_bytes(), "RF003", 1, 1),
    "file-one-byte-over-the-cap": (
        lambda: _base_bytes() + b"#" * (MAX_BYTES + 1 - len(_base_bytes())),
        "RF003",
        1,
        1,
    ),
    "one-1.9-mb-string": (
        lambda: _base_bytes().replace(b"Acme estate", b"x" * 1_900_000),
        "RF013",
        7,
        14,
    ),
    # Plain lists are no alias bomb: the loader takes them, the schema refuses the repeats.
    "100k-item-list": (
        lambda: _base_bytes().replace(b"[IE]", b"[" + b"IE, " * 100_000 + b"IE]"),
        "RF013",
        _base_line(b"[IE]"),
        21,
    ),
    "40k-item-list": (
        lambda: _base_bytes().replace(b"[IE]", b"[" + b"IE, " * 40_000 + b"IE]"),
        "RF013",
        _base_line(b"[IE]"),
        21,
    ),
    "random-binary": (lambda: random.Random(7).randbytes(64 * 1024), "RF004", None, None),
    "elf-executable-header": (lambda: b"\x7fELF\x02\x01\x01" + bytes(64), "RF004", 1, 8),
    "gzip-archive": (
        lambda: b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(20),
        "RF004",
        1,
        4,
    ),
    "latin-1": (
        lambda: _base_bytes().replace(b"Dublin", "Dún Laoghaire".encode("latin-1")),
        "RF004",
        15,
        19,
    ),
    "utf-16-le-with-bom": (
        lambda: b"\xff\xfe" + _base_bytes().decode().encode("utf-16-le"),
        "RF004",
        1,
        1,
    ),
    "utf-16-be-with-bom": (
        lambda: b"\xfe\xff" + _base_bytes().decode().encode("utf-16-be"),
        "RF004",
        1,
        1,
    ),
    "utf-32-with-bom": (lambda: _base_bytes().decode().encode("utf-32"), "RF004", 1, 1),
    "utf-16-without-bom": (lambda: _base_bytes().decode().encode("utf-16-le"), "RF004", 1, 2),
    "encoded-surrogate": (
        lambda: _base_bytes().replace(b"Dublin", b"Dub\xed\xa0\x80lin"),
        "RF004",
        15,
        21,
    ),
    "overlong-utf-8-slash": (
        lambda: _base_bytes().replace(b"Dublin", b"Dub\xc0\xaflin"),
        "RF004",
        15,
        21,
    ),
    "bom-inside-the-file": (
        lambda: _base_bytes().replace(b"tenants:", b"\xef\xbb\xbftenants:"),
        "RF001",
        _base_line(b"tenants:"),
        2,
    ),
}


@pytest.mark.parametrize("name", sorted(BUILT))
def test_built_case_is_refused_with_a_located_finding(name: str, out: Path) -> None:
    content, code, line, col = BUILT[name]
    spec = out.parent / f"{name}.yaml"
    spec.write_bytes(content())
    before = tree(out)
    result = generate(spec, out)
    assert_located(result, spec, code, line, col, hint=name not in WITHOUT_HINT_YET)
    assert_untouched(out, before)


# Known gap, outside the loader: validate.py's maxLength finding has no fix hint and echoes
# the whole value (1.9 MB to the terminal). Remove the name here once it does.
WITHOUT_HINT_YET = {"one-1.9-mb-string"}


def test_an_endless_device_is_refused_after_reading_the_cap(out: Path) -> None:
    before = tree(out)
    result = generate(Path("/dev/zero"), out)
    assert_located(result, Path("/dev/zero"), "RF003", 1, 1)
    assert_untouched(out, before)


def test_a_named_pipe_nobody_writes_to_does_not_hang(out: Path) -> None:
    fifo = out.parent / "spec.yaml"
    os.mkfifo(fifo)
    before = tree(out)
    result = generate(fifo, out)
    assert_located(result, fifo, "RF012", 1, 1)
    assert_untouched(out, before)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d, "is a directory"),
        (lambda d: d / "missing.yaml", "no such file"),
    ],
    ids=["spec-is-a-folder", "spec-is-missing"],
)
def test_a_spec_path_that_is_not_a_file_is_a_usage_error(
    out: Path, make: Callable[[Path], Path], message: str
) -> None:
    spec = make(out.parent)
    before = tree(out)
    result = generate(spec, out)
    assert result.status == 2
    assert result.stderr.startswith(f"regionform: {spec}: {message}")
    assert_untouched(out, before)


def test_a_utf8_bom_at_the_start_is_just_a_bom(out: Path) -> None:
    spec = out.parent / "bom.yaml"
    spec.write_bytes(b"\xef\xbb\xbf" + _base_bytes())
    result = generate(spec, out)
    assert result.status == 0, result.stderr
    assert (out / "production" / "outputs.tf").read_text().count("First tenant") == 1


# --- the output folder -----------------------------------------------------------------


def test_a_root_that_is_a_symlink_to_elsewhere_is_refused(out: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (out / "production").rename(elsewhere)
    (out / "production").symlink_to(elsewhere)
    before, outside = tree(out), tree(elsewhere)
    result = generate(BASE, out)
    assert result.status == 1
    assert (
        f"not writing {out / 'production'}: it is a symbolic link to {elsewhere}" in result.stderr
    )
    assert_untouched(out, before)
    assert tree(elsewhere) == outside


def test_a_symlink_inside_the_root_is_refused(out: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere-vpc"
    (out / "production" / "modules" / "vpc").rename(elsewhere)
    (out / "production" / "modules" / "vpc").symlink_to(elsewhere)
    changed = tmp_path / "changed.yaml"
    changed.write_text(BIZFLOW.read_text().replace("10.1.0.0/16", "10.11.0.0/16"))
    before, outside = tree(out), tree(elsewhere)
    result = generate(changed, out)
    assert result.status == 1
    assert "modules/vpc: is a symbolic link; regionform never writes through one" in result.stderr
    assert_untouched(out, before)
    assert tree(elsewhere) == outside


def test_generate_leaves_no_lock_file_in_the_output_folder(out: Path) -> None:
    # The folder users commit holds the roots and nothing of regionform's own bookkeeping.
    assert sorted(p.name for p in out.iterdir()) == ["production"]


# Root writes through file permissions (capabilities CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH),
# so as root (CI) the child runs without them: permissions then bind it as they bind the
# folder's owner.
AS_THE_OWNER = (
    ("setpriv", "--bounding-set=-dac_override,-dac_read_search") if os.geteuid() == 0 else ()
)


@pytest.mark.skipif(
    bool(AS_THE_OWNER) and shutil.which("setpriv") is None,
    reason="root writes through file permissions, and setpriv (util-linux) is missing",
)
def test_a_read_only_output_folder_is_a_clear_error(out: Path) -> None:
    before = tree(out)
    for folder in [out, *[p for p in out.rglob("*") if p.is_dir()]]:
        folder.chmod(0o555)
    try:
        result = generate(BASE, out, wrapper=AS_THE_OWNER)
    finally:
        for folder in [out, *[p for p in out.rglob("*") if p.is_dir()]]:
            folder.chmod(0o755)
    assert result.status == 2
    assert "Permission denied" in result.stderr and "make the folder writable" in result.stderr
    assert_untouched(out, before)


@pytest.mark.parametrize(
    ("journal", "status", "message"),
    [
        ("{not json", 1, "is damaged, so an interrupted write cannot be undone safely"),
        (
            '{"staging": "../victim", "created": [], "backed_up": []}',
            1,
            "names an unexpected staging folder; not using it",
        ),
        (
            '{"staging": ".production.regionform-staging-1", "created": ["../../victim/f"],'
            ' "backed_up": []}',
            2,
            "refusing to write outside the output folder: '../../victim/f'",
        ),
    ],
    ids=["damaged", "staging-outside", "created-outside"],
)
def test_a_planted_journal_cannot_point_the_recovery_elsewhere(
    out: Path, tmp_path: Path, journal: str, status: int, message: str
) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "f").write_text("keep me")
    (out / "production" / ".regionform-journal.json").write_text(journal)
    before = tree(out)
    result = generate(BASE, out)
    assert result.status == status
    assert message in result.stderr
    assert tree(out) == before
    assert (victim / "f").read_text() == "keep me"


# The same rule as the chmod test, for runs as root (containers, CI): the file system says
# EROFS for every change under OUT, as a read-only mount would.
READ_ONLY_MOUNT = """
import errno, os
OUT = {out!r}
def _refuse(path):
    if os.fspath(path).startswith(OUT):
        raise OSError(errno.EROFS, "Read-only file system", os.fspath(path))
_open, _mkdir, _replace = os.open, os.mkdir, os.replace
def _ro_open(path, flags, *a, **k):
    if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
        _refuse(path)
    return _open(path, flags, *a, **k)
def _ro_mkdir(path, *a, **k):
    _refuse(path)
    return _mkdir(path, *a, **k)
def _ro_replace(src, dst, *a, **k):
    _refuse(dst)
    return _replace(src, dst, *a, **k)
os.open, os.mkdir, os.replace = _ro_open, _ro_mkdir, _ro_replace
"""


def test_a_read_only_file_system_is_a_clear_error(out: Path) -> None:
    before = tree(out)
    result = generate(BASE, out, prelude=READ_ONLY_MOUNT.format(out=str(out)))
    assert result.status == 2
    assert result.stderr.startswith(f"regionform: cannot write {out / 'production'}: ")
    assert "Read-only file system" in result.stderr
    assert "make the folder writable or choose another --out" in result.stderr
    assert_untouched(out, before)


# The disk fills after `budget` bytes: os.write writes what still fits, then fails ENOSPC.
DISK_FILLS = """
import errno, os
_write, left = os.write, [{budget}]
def _full(fd, data):
    if left[0] <= 0:
        raise OSError(errno.ENOSPC, "No space left on device")
    written = _write(fd, bytes(data)[: left[0]])
    left[0] -= written
    return written
os.write = _full
"""


@pytest.mark.parametrize("budget", [0, 1, 4_096, 20_000])
def test_a_disk_that_fills_mid_write_leaves_the_previous_output(out: Path, budget: int) -> None:
    changed = out.parent / "changed.yaml"
    changed.write_text(BIZFLOW.read_text().replace("10.1.0.0/16", "10.11.0.0/16"))
    before = tree(out)
    result = generate(changed, out, prelude=DISK_FILLS.format(budget=budget))
    assert result.status == 2, result.stderr
    assert result.stderr.startswith(f"regionform: cannot write {out / 'production'}: ")
    assert "No space left on device" in result.stderr and "free some space" in result.stderr
    assert "the previous output is unchanged" in result.stderr
    assert_untouched(out, before)


# --- free text: rendered literally, or refused where the schema restricts it --------------

PAYLOADS = {
    "interpolation": '${file("/etc/passwd")} ${var.x} $${already} ${',
    "directive": "%{ if true }yes%{ endif } %{ for x in [1] }${x}%{ endfor } %%{ %{",
    "quotes": '"double" \'single\' `back` """',
    "backslashes": '\\ \\\\ \\n \\" \\${x} \\u0041 C:\\temp\\',
    "newlines": "line one\nline two\r\nthree\rfour\n",
    "heredoc": "<<EOF\n${x}\nEOF\n<<-EOT\nEOT",
    "control-characters": "\x00\x01\x07\x08\x0b\x0c\x1b[31mred\x1b[0m\x7f\x85",
    "unicode": "café ✓ 東京 \u202eevil\u202c \u2028 \ufeff 😀 \U0010ffff",
    "comment-markers": "# not a comment // nor this /* nor */ this",
}


def _spec_with(field_kind: str, payload: str) -> str:
    data = yaml.safe_load(BASE.read_text("utf-8"))
    fields = schema_fields(field_kind)
    assert fields, field_kind
    for field in fields:
        spots = places(data, field)
        assert spots, f"tests/hostile/base.yaml has no {'.'.join(field)}: add one"
        for parent, key in spots:
            if field_kind == "tags":
                parent[key] = {f"Key {payload}": f"value {payload}"}
            else:
                parent[key] = payload
    data = copy.deepcopy(data)
    return "# built by test_hostile.py\n" + yaml_dump(data) + "\n"


# Put in front of every payload: after removing every exact literal token from the output,
# the marker must be gone too, or the payload was rendered some other way somewhere.
MARKER = "rf-hostile-marker "


def literal_tokens(out: Path, text: str, output_format: str) -> int:
    """How often `text` is in the generated root as its exact literal token (and never
    otherwise)."""
    token = hcl_token(text) if output_format == "hcl" else json_token(text)
    found = 0
    for path in (out / "production").rglob("*"):
        if path.is_file() and path.suffix in (".tf", ".json"):
            content = path.read_text("utf-8")
            found += content.count(token)
            assert MARKER not in content.replace(token, ""), f"{path}: not a literal rendering"
    return found


@pytest.mark.parametrize("output_format", ["hcl", "json"])
@pytest.mark.parametrize("payload", sorted(PAYLOADS))
def test_free_text_is_rendered_as_a_literal(out: Path, payload: str, output_format: str) -> None:
    text = MARKER + PAYLOADS[payload]
    spec = out.parent / "free-text.yaml"
    spec.write_text(_spec_with("free_text", text), "utf-8")
    result = generate(spec, out, "--format", output_format)
    assert result.status == 0, result.stderr
    # Tenant descriptions reach outputs.tf; Terraform reading the token back is proven for
    # every payload at once below.
    assert literal_tokens(out, text, output_format) >= 1


@pytest.mark.parametrize("payload", sorted(PAYLOADS))
def test_tags_refuse_text_that_aws_would_refuse(out: Path, payload: str) -> None:
    text = MARKER + PAYLOADS[payload]
    spec = out.parent / "tags.yaml"
    spec.write_text(_spec_with("tags", text), "utf-8")
    before = tree(out)
    result = generate(spec, out)
    if result.status == 0:  # the characters are valid in AWS tags: rendered literally
        assert literal_tokens(out, f"value {text}", "hcl") >= 1
        return
    assert_located(result, spec, "RF013", None, None)
    assert_untouched(out, before)


@pytest.mark.terraform
def test_terraform_reads_every_payload_back_literally(terraform: Terraform, tmp_path: Path) -> None:
    texts = list(PAYLOADS.values())
    assert terraform_reads_back(terraform, tmp_path, texts) == texts + texts


def test_the_corpus_is_at_least_forty_cases() -> None:
    # Files and built inputs alone, before the output-folder faults and free-text payloads.
    assert len(FILE_CASES) + len(BUILT) >= 40
