# kind: correct
def pair(name):
    match name:
        case "first_row":
            return (5,), (1,)
        case "first_column":
            return (4,), (5,)
        case "diagonal":
            return (4,), (6,)
        case "first_row_three_times":
            return (3, 5), (0, 1)
        case "top_left_block":
            return (2, 3), (5, 1)
        case "first_column_three_times":
            return (4, 3), (5, 0)
        case _:
            return (2, 5), (10, 1)


first_row, first_column, diagonal = pair("first_row"), pair("first_column"), pair("diagonal")
first_row_three_times, every_other_row = pair("first_row_three_times"), pair("every_other_row")
top_left_block, first_column_three_times = pair("top_left_block"), pair("first_column_three_times")
