"""Submissions built from the corpus (course/build/corpus.py): a variant in its cell, samples, cohorts."""

from course.build.corpus import Variant, companion, variants

__all__ = ["Variant", "answers_with", "corpus_students", "sample", "variants"]


def answers_with(variant: Variant, answers: dict[str, str]) -> dict[str, str]:
    """`answers` with the variant's code in its exercise's cell, and its companion's in the companion's."""
    chosen = {**answers, variant.exercise: variant.code}
    if variant.companion:
        exercise, code = companion(variant)
        chosen[exercise] = code
    return chosen


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
