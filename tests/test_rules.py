"""Rule tests as data: every spec under tests/rules/ is linted and its findings compared exactly.

A case is a small YAML spec in the folder of the code it shows (`tests/rules/rf101/`,
`tests/rules/rf013/` …). Its comments list every finding lint must report, in any order:

    # expect: RF101 at 14:13
    # expect: RF146 warning at 11:35
    # expect: RF151 at 12:5 "cannot move between regions" fix "--allow-destroy"

`at LINE:COLUMN` is the finding's 1-based position in the case file itself, comments included.
A severity, when given, must match. Each quoted fragment must appear in the finding's message,
or with `fix` before it, in its fix. A file without any `# expect:` line must lint clean: it is
a passing case. Specs that must lint clean as a whole, not for one rule, live in `clean/`.

To test a rule, add a file. Every rule needs at least one failing and one passing case
(`test_every_rule_has_a_failing_and_a_passing_case`); keep each failing case to one problem
so the file still means one thing when lint learns to report more in a single run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from regionform.api import lint_spec
from regionform.findings import Finding, Severity
from regionform.lint import all_rules

CASES_DIR = Path(__file__).resolve().parent / "rules"
CLEAN = "clean"
CASES = sorted(CASES_DIR.rglob("*.yaml"))

# Any comment that starts like an expectation must be one, so a typo never silently turns a
# failing case into a passing one.
_LOOKS_LIKE_EXPECT = re.compile(r"^\s*#\s*expect(s|ed)?\b", re.IGNORECASE)
_EXPECT = re.compile(
    r"""^\s*\#\ expect:\ (?P<code>RF\d{3})
        (?:\ (?P<severity>error|warning))?
        \ at\ (?P<line>\d+):(?P<column>\d+)
        (?P<fragments>(?:\ (?:fix\ )?"[^"]+")*)\s*$""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Expected:
    code: str
    line: int
    column: int
    severity: Severity | None = None
    in_message: tuple[str, ...] = ()
    in_fix: tuple[str, ...] = ()

    @property
    def position(self) -> tuple[str, int, int]:
        return (self.code, self.line, self.column)

    def matches(self, finding: Finding) -> bool:
        return (
            position_of(finding) == self.position
            and self.severity in (None, finding.severity)
            and all(fragment in finding.message for fragment in self.in_message)
            and all(fragment in (finding.hint or "") for fragment in self.in_fix)
        )


def position_of(finding: Finding) -> tuple[str, int, int]:
    return (finding.code, finding.location.line, finding.location.column)


def expectations(path: Path) -> list[Expected]:
    """The `# expect:` lines of a case file; a malformed one is an error, never ignored."""
    found = []
    text = path.read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        if not _LOOKS_LIKE_EXPECT.match(line):
            continue
        match = _EXPECT.match(line)
        if match is None:
            raise ValueError(
                f"{path}:{number}: not an expectation: {line.strip()!r} "
                '(write `# expect: RF101 at 12:9`, optionally `warning` before `at` and "quoted '
                'fragments" after the position, `fix "…"` for the fix)'
            )
        severity = match["severity"]
        fragments = re.findall(r'(fix )?"([^"]+)"', match["fragments"])
        found.append(
            Expected(
                match["code"],
                int(match["line"]),
                int(match["column"]),
                Severity(severity) if severity else None,
                tuple(text for fix, text in fragments if not fix),
                tuple(text for fix, text in fragments if fix),
            )
        )
    return found


def check_case(path: Path) -> None:
    """Lint one case file and fail unless its findings are exactly the expected ones."""
    expected = expectations(path)
    findings = lint_spec(path)
    reported = "\n".join(
        f"  # expect: {f.code} at {f.location.line}:{f.location.column}  ({f.render()})"
        for f in findings
    )
    explain = f"{path}: lint reported\n{reported or '  nothing'}"
    assert sorted(map(position_of, findings)) == sorted(e.position for e in expected), explain
    unmatched = list(findings)
    for expectation in expected:
        match = next((f for f in unmatched if expectation.matches(f)), None)
        assert match is not None, f"{explain}\nno finding fits {expectation}"
        unmatched.remove(match)
    assert all(f.location.file == str(path) for f in findings), explain


def folder_code(path: Path) -> str:
    return path.relative_to(CASES_DIR).parts[0].upper()


@pytest.mark.parametrize(
    "path", CASES, ids=[str(p.relative_to(CASES_DIR).with_suffix("")) for p in CASES]
)
def test_rule_case(path: Path) -> None:
    check_case(path)


def test_every_rule_has_a_failing_and_a_passing_case() -> None:
    failing = {e.code for path in CASES for e in expectations(path)}
    passing = {folder_code(path) for path in CASES if not expectations(path)}
    codes = [rule.code for rule in all_rules()]
    assert [code for code in codes if code not in failing] == [], "rules without a failing case"
    assert [code for code in codes if code not in passing] == [], "rules without a passing case"


def test_every_file_under_rules_is_a_case() -> None:
    # A case saved as .yml or .txt would never run; say so instead of passing without it.
    others = [
        path.relative_to(CASES_DIR)
        for path in CASES_DIR.rglob("*")
        if path.is_file() and path.suffix != ".yaml" and path.name != "README.md"
    ]
    assert others == []


def test_every_case_lives_in_the_folder_of_a_code_it_expects() -> None:
    for path in CASES:
        folder = path.relative_to(CASES_DIR).parts[0]
        codes = {e.code for e in expectations(path)}
        if folder == CLEAN:
            assert not codes, f"{path}: files in clean/ expect no findings"
        else:
            assert re.fullmatch(r"rf\d{3}", folder), f"{path}: folders are codes, e.g. rf101/"
            assert len(path.relative_to(CASES_DIR).parts) == 2, f"{path}: one folder level"
            assert not codes or folder.upper() in codes, f"{path}: expects only {sorted(codes)}"


# The runner itself: each way a case can be wrong must fail it.

OVERLAP = """\
version: 1
project: acme
environment: prod
state:
  backend: local
regions:
  eu-west-1:
    role: primary
    vpc: {cidr: 10.1.0.0/16}
  eu-west-2:
    role: regional
    vpc: {cidr: 10.1.128.0/17}
"""


def _case(tmp_path: Path, *expect: str) -> Path:
    # Expectations may stand anywhere; at the end they leave the positions above unchanged.
    path = tmp_path / "case.yaml"
    path.write_text(OVERLAP + "".join(f"{line}\n" for line in expect), encoding="utf-8")
    return path


def test_the_runner_accepts_the_exact_findings(tmp_path: Path) -> None:
    check_case(_case(tmp_path, '# expect: RF101 error at 12:17 "overlaps" fix "its own range"'))


@pytest.mark.parametrize(
    "header",
    [
        (),  # a finding nobody expected
        ("# expect: RF101 at 12:18",),  # wrong column
        ("# expect: RF101 at 13:17",),  # wrong line
        ("# expect: RF102 at 12:17",),  # wrong code
        ("# expect: RF101 at 12:17", "# expect: RF101 at 12:17"),  # reported once, not twice
        ("# expect: RF101 warning at 12:17",),  # wrong severity
        ('# expect: RF101 at 12:17 "no such words"',),  # fragment not in the message
        ('# expect: RF101 at 12:17 "its own range"',),  # in the fix, not the message
        ('# expect: RF101 at 12:17 fix "overlaps"',),  # in the message, not the fix
    ],
    ids=[
        "unexpected",
        "column",
        "line",
        "code",
        "twice",
        "severity",
        "message",
        "not-message",
        "not-fix",
    ],
)
def test_the_runner_refuses_any_other_findings(tmp_path: Path, header: tuple[str, ...]) -> None:
    with pytest.raises(AssertionError):
        check_case(_case(tmp_path, *header))


@pytest.mark.parametrize(
    "line",
    ["# expect: RF101 12:17", "# expect RF101 at 12:17", "# Expect: rf101 at 12:17"],
    ids=["no-at", "no-colon", "lowercase"],
)
def test_a_malformed_expectation_is_an_error(tmp_path: Path, line: str) -> None:
    with pytest.raises(ValueError, match="not an expectation"):
        expectations(_case(tmp_path, line))
