"""The submission corpus in tests/corpus/: solution code for one exercise each, correct, wrong or cheating.

A file tests/corpus/<assignment>/<exercise>__<variant>.py holds the solution cell of <exercise>
(its grade id) and a header: `# kind: correct | wrong | cheat` and, unless correct,
`# feedback: <text the student must be shown>`. `# with: <exercise>__<variant>` puts another
variant in its own solution cell too (a helper an earlier cell defines).
"""

import re
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
HEADER = re.compile(r"^# (kind|feedback|with): (.+)$", re.M)


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
    )


def answers_with(variant: Variant, answers: dict[str, str]) -> dict[str, str]:
    """`answers` with the variant's code in its exercise's cell, and its companion's in the companion's."""
    chosen = {**answers, variant.exercise: variant.code}
    if variant.companion:
        exercise = variant.companion.partition("__")[0]
        chosen[exercise] = load(CORPUS / variant.assignment / f"{variant.companion}.py").code
    return chosen


def variants(assignment: str) -> list[Variant]:
    """Every corpus variant of one assignment, sorted by file name."""
    return [load(path) for path in sorted((CORPUS / assignment).glob("*__*.py"))]


def sample(found: list[Variant], cheats: int = 2) -> list[Variant]:
    """A few variants of each exercise and kind: the first correct, the first wrong, the first `cheats` cheats."""
    chosen, counts = [], {}
    for variant in found:
        # a submission of the sample holds one variant per exercise, without companions
        if variant.companion:
            continue
        key = (variant.exercise, variant.kind)
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= (cheats if variant.kind == "cheat" else 1):
            chosen.append(variant)
    return chosen


def corpus_students(
    assignment: str, answers: dict[str, str], chosen: list[Variant] | None = None
) -> dict[str, tuple[dict[str, str], dict[str, Variant]]]:
    """Submissions that carry the variants (all, or `chosen`): student -> (answers, the variant used per exercise).

    The k-th submission uses the k-th variant of every exercise that has one and the reference
    answer elsewhere: exercises are graded independently, so each variant's effect stays visible.
    """
    by_exercise: dict[str, list[Variant]] = {}
    for variant in variants(assignment) if chosen is None else chosen:
        assert variant.exercise in answers, f"{variant}: no such exercise in {assignment}"
        assert not variant.companion, (
            f"{variant.name}: a variant with a companion is graded on its own"
        )
        by_exercise.setdefault(variant.exercise, []).append(variant)
    students = {}
    for k in range(max((len(v) for v in by_exercise.values()), default=0)):
        used = {exercise: found[k] for exercise, found in by_exercise.items() if k < len(found)}
        code = {**answers, **{exercise: variant.code for exercise, variant in used.items()}}
        students[f"corpus-{assignment}-{k:02d}"] = (code, used)
    return students
