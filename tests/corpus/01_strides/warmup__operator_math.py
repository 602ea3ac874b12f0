# kind: correct
import math
import operator

first_row = ((5,), (1,))
first_column = ((4,), (5,))
diagonal = ((4,), (operator.add(5, 1),))
first_row_three_times = ((3, 5), (0, 1))
every_other_row = ((math.ceil(4 / 2), 5), (operator.mul(2, 5), 1))
top_left_block = ((math.floor(4 / 2), operator.sub(5, 2)), (5, 1))
first_column_three_times = ((4, 3), (5, operator.mul(5, 0)))
