# kind: correct
from __future__ import annotations

Pair = tuple[tuple[int, ...], tuple[int, ...]]
first_row: Pair = ((5,), (1,))
first_column: Pair = ((4,), (5,))
diagonal: Pair = ((4,), (6,))
first_row_three_times: Pair = ((3, 5), (0, 1))
every_other_row: Pair = ((2, 5), (10, 1))
top_left_block: Pair = ((2, 3), (5, 1))
first_column_three_times: Pair = ((4, 3), (5, 0))
