# kind: wrong
# feedback: every_other_row
first_row = ((5,), (1,))
first_column = ((4,), (5,))
diagonal = ((4,), (6,))
first_row_three_times = ((3, 5), (0, 1))
top_left_block = ((2, 3), (5, 1))
first_column_three_times = ((4, 3), (5, 0))
every_other_row = ((2, 5), (5, 1))
