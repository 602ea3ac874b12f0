# kind: correct
rows, columns = x.shape
row_step, column_step = x.stride()
first_row = ((columns,), (column_step,))
first_column = ((rows,), (row_step,))
diagonal = ((min(rows, columns),), (row_step + column_step,))
first_row_three_times = ((3, columns), (0, column_step))
every_other_row = ((rows // 2, columns), (2 * row_step, column_step))
top_left_block = ((rows // 2, columns - 2), (row_step, column_step))
first_column_three_times = ((rows, 3), (row_step, 0))
