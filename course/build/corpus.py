"""The submission corpus in tests/corpus/: solution code for one exercise each, correct, wrong or cheating.

The tests grade it (tests/test_corpus.py) and `make bench` checks its wrong answers (course/build/bench.py).

A file tests/corpus/<assignment>/<exercise>__<variant>.py holds the solution cell of <exercise>
(its grade id) and a header: `# kind: correct | wrong | cheat` and, unless correct,
`# feedback: <text the student must be shown>`. A failure that names a likely mistake must name the
one the variant makes: the feedback, or `# hint: <text of its likely mistake>`. `# with:
<exercise>__<variant>` puts another variant in its own solution cell too (a helper an earlier cell
defines). `# python: 3.12` marks a variant that is correct on that Python and later but fails where
grading runs (`course.versions.GRADING_PYTHON`): tests/test_standalone.py checks it as a correct answer on
Colab's stack. `# flax: 0.12.1` marks a correct variant that needs that Flax, newer than Colab's: there, its
check must fail and say so.
"""

import re
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus"
ENDLESS = "did not finish"  # the feedback of a variant that never returns: an endless loop
HEADER = re.compile(r"^# (kind|feedback|hint|with|python|flax): (.+)$", re.M)


@dataclass(frozen=True)
class Variant:
    """One corpus file."""

    assignment: str
    exercise: str
    name: str
    kind: str
    feedback: str
    code: str
    companion: str = ""
    hint: str = ""
    python: str = ""  # the first Python it is correct on, where that is newer than the grading one
    flax: str = ""  # the first Flax it is correct on, where that is newer than Colab's


def load(path: Path) -> Variant:
    """Read one corpus file."""
    text = path.read_text()
    header = dict(HEADER.findall(text))
    exercise, name = path.stem.split("__")
    assert header.get("kind") in ("correct", "wrong", "cheat"), f"{path}: bad kind"
    assert header["kind"] == "correct" or header.get("feedback"), f"{path}: no feedback line"
    return Variant(
        path.parent.name,
        exercise,
        name,
        header["kind"],
        header.get("feedback", ""),
        text,
        header.get("with", ""),
        header.get("hint", ""),
        header.get("python", ""),
        header.get("flax", ""),
    )


def variants(assignment: str) -> list[Variant]:
    """Every corpus variant of one assignment, sorted by file name."""
    return [load(path) for path in sorted((CORPUS / assignment).glob("*__*.py"))]


def companion(variant: Variant) -> tuple[str, str]:
    """(exercise, code) of the variant that `# with:` puts in an earlier cell beside `variant`."""
    return (
        variant.companion.partition("__")[0],
        load(CORPUS / variant.assignment / f"{variant.companion}.py").code,
    )
