"""The similarity report: copies that were renamed and reformatted are paired; independent answers are not."""

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course.build.cells import submission
from course.build.contract import ASSIGNMENTS
from course.grading.similarity import program, similar_pairs
from tests.corpus import variants
from tests.notebooks import read

REPO = Path(__file__).resolve().parent.parent
CONV1D = ASSIGNMENTS[1]
ORIGINAL = "nested_loops"
# The same program as corpus/02_conv1d/conv1d_minimal__nested_loops.py: every variable renamed, the
# layout, comments and docstring changed, annotations dropped.
DISGUISED = '''
def conv1d_minimal(inp, kern):
    """My own convolution."""
    # shapes first
    batch, chans, width = inp.shape
    outs, _, k = kern.shape

    result = torch.zeros(batch, outs, width - k + 1,
                         dtype=inp.dtype, device=inp.device)
    for i in range(batch):
        for j in range(outs):      # every output channel
            for pos in range(width - k + 1):
                result[i, j, pos] = (inp[i, :, pos:pos + k] * kern[j]).sum()
    return result
'''


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    """A course whose 02 submissions hold every correct corpus conv1d_minimal, each by its own student,
    and a disguised copy of one; the other exercises are left as the stub."""
    shutil.copytree(REPO / "release" / CONV1D.id, tmp_path / "release" / CONV1D.id)
    release = read(CONV1D.path(tmp_path / "release"))
    honest = {
        v.name: v.code
        for v in variants(CONV1D.id)
        if v.exercise == "conv1d_minimal" and v.kind == "correct" and not v.companion
    }
    assert len(honest) >= 8 and ORIGINAL in honest
    for student, code in {**honest, "copier": DISGUISED}.items():
        folder = tmp_path / "submitted" / student / CONV1D.id
        folder.mkdir(parents=True)
        notebook = submission(release, {"conv1d_minimal": code})
        nbformat.write(notebook, folder / CONV1D.notebook)
    return tmp_path


def test_a_renamed_reformatted_copy_is_paired_and_nothing_else(cohort):
    pairs = similar_pairs(cohort, CONV1D)
    assert [sorted(pair.students) for pair in pairs] == [sorted(["copier", ORIGINAL])]
    ((exercise, size, *cells),) = pairs[0].shared
    assert exercise == "conv1d_minimal" and size > 40 and DISGUISED in cells


def test_a_changed_call_is_another_program():
    original = next(v.code for v in variants(CONV1D.id) if v.name == ORIGINAL)
    assert program(DISGUISED)[0] == program(original)[0]
    assert program(DISGUISED.replace(".sum()", ".mean()"))[0] != program(original)[0]
    assert program(DISGUISED.replace("range(batch)", "range(outs)"))[0] != program(original)[0]


def test_the_command_writes_the_reports_and_changes_no_grade(cohort):
    before = sorted(p.relative_to(cohort) for p in cohort.rglob("*") if p.is_file())
    result = subprocess.run(
        [sys.executable, "-m", "course.grading.similarity", "--root", str(cohort)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert f"{CONV1D.id}: 1 pair(s)" in result.stdout
    with open(cohort / "reports" / "similarity.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["assignment"], r["exercises"]) for r in rows] == [(CONV1D.id, "conv1d_minimal")]
    report = (cohort / "reports" / "similarity" / f"{CONV1D.id}.html").read_text()
    assert "copier" in report and "My own convolution." in report
    after = sorted(p.relative_to(cohort) for p in cohort.rglob("*") if p.is_file())
    assert [p for p in after if p not in before and p.parts[0] != "reports"] == []
