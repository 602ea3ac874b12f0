"""01's warm-up: each (size, stride) pair is judged by the view it builds, with a hint only for the mistake made."""

import pytest

from course.exercises.strides import SWAPPED, WARMUP, WARMUP_NAMES
from course.judging.checks import CheckFailed
from course.kernel.notebook import guarded_record, roundtrip

REFERENCE = {
    "first_row": ((5,), (1,)),
    "first_column": ((4,), (5,)),
    "top_left_block": ((2, 3), (5, 1)),
    "diagonal": ((4,), (6,)),
    "every_other_row": ((2, 5), (10, 1)),
    "first_row_three_times": ((3, 5), (0, 1)),
    "first_column_three_times": ((4, 3), (5, 0)),
}
# the visible case (x = arange) and the hidden ones (seeded random values)
CASES = [{"values": "arange"}, {"seed": 101}, {"seed": 102}]
PAST_THE_STORAGE = "but x has 20 elements (positions 0 to 19): check the size and the stride."


def told(case: dict, **pairs) -> str:
    """What the warm-up's judge says to the reference answers with `pairs` changed ("" when it passes)."""
    namespace = {**REFERENCE, **pairs}
    try:
        WARMUP.judge(case, roundtrip(guarded_record(WARMUP, namespace, case)))
    except CheckFailed as failure:
        return str(failure)
    return ""


def test_the_names_are_the_reference_pairs():
    assert set(WARMUP_NAMES) == set(REFERENCE)


@pytest.mark.parametrize("case", CASES)
def test_the_reference_pairs_pass(case):
    assert told(case) == ""


# Each pair is the right size with the target's own two strides swapped.
SWAPS = {
    "top_left_block": ((2, 3), (1, 5)),
    "first_row_three_times": ((3, 5), (1, 0)),
    "first_column_three_times": ((4, 3), (0, 5)),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(("name", "pair"), SWAPS.items())
def test_swapped_strides_are_named(case, name, pair):
    text = told(case, **{name: pair})
    assert text.startswith(f"{name}: torch.as_strided(x, {pair[0]!r}, {pair[1]!r}): ")
    assert text.endswith(f"\nLikely mistake: {SWAPPED}")
    assert len(text.splitlines()) <= 3


@pytest.mark.parametrize("case", CASES)
def test_a_swap_that_reads_past_the_storage_says_so_then_names_the_swap(case):
    text = told(case, every_other_row=((2, 5), (1, 10)))
    assert text == (
        "every_other_row: torch.as_strided(x, (2, 5), (1, 10)) would read storage position 41, "
        f"{PAST_THE_STORAGE}\nLikely mistake: {SWAPPED}"
    )


# Neighbouring mistakes: a wrong stride that is no swap of the target's, a swap with the size swapped too
# (a transposed view), a wrong 1-D stride (reversing one stride leaves it as it is).
NOT_SWAPS = {
    "first_column": ((4,), (1,)),
    "first_row": ((5,), (5,)),
    "top_left_block": ((2, 3), (3, 1)),
    "first_column_three_times": ((4, 3), (1, 0)),
    "first_row_three_times": ((5, 3), (1, 0)),
    "every_other_row": ((2, 5), (5, 1)),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(("name", "pair"), NOT_SWAPS.items())
def test_other_mistakes_are_not_called_a_swap(case, name, pair):
    text = told(case, **{name: pair})
    assert text.startswith(f"{name}: torch.as_strided(x, {pair[0]!r}, {pair[1]!r})")
    assert "Likely mistake" not in text and "swapped" not in text


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(
    ("name", "pair", "position"),
    [
        ("diagonal", ((4,), (7,)), 21),
        ("first_column", ((5,), (5,)), 20),
        ("every_other_row", ((3, 5), (10, 1)), 24),
        ("first_column_three_times", ((4, 3), (5, 5)), 25),
    ],
)
def test_a_view_past_the_storage_gets_one_clear_line(case, name, pair, position):
    text = told(case, **{name: pair})
    assert text == (
        f"{name}: torch.as_strided(x, {pair[0]!r}, {pair[1]!r}) would read storage position "
        f"{position}, {PAST_THE_STORAGE}"
    )


@pytest.mark.parametrize(
    "pair",
    [
        ((4,), (19,)),  # the last position read is 57 ...
        ((1,), (19,)),  # ... but one element reads position 0 only
        ((0, 5), (100, 1)),  # and an empty view reads nothing
    ],
)
def test_only_positions_actually_read_count(pair):
    text = told({"values": "arange"}, diagonal=pair)
    assert ("would read storage position" in text) == (pair == ((4,), (19,)))
