# kind: correct
row_step, column_step = x.stride()
stay = 0
first_row = ((5,), (column_step,))
first_column = ((4,), (row_step,))
diagonal = ((4,), (row_step + column_step,))
every_other_row = ((2, 5), (2 * row_step, column_step))
top_left_block = ((2, 3), (row_step, column_step))
first_row_three_times = ((3, 5), (stay, column_step))
first_column_three_times = ((4, 3), (row_step, stay))
