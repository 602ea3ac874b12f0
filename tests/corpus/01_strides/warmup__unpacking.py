# kind: correct
first_row = ((5,), (1,))
first_column, diagonal = ((4,), (5,)), ((4,), (6,))
first_row_three_times, every_other_row = ((3, 5), (0, 1)), ((2, 5), (10, 1))
(top_left_block, first_column_three_times) = (((2, 3), (5, 1)), ((4, 3), (5, 0)))
