# kind: correct
def view(size, stride):
    """A (size, stride) pair for torch.as_strided."""
    return tuple(size), tuple(stride)


first_row = view([5], [1])
first_column = view([4], [5])
diagonal = view([4], [5 + 1])
first_row_three_times = view([3, 5], [0, 1])
every_other_row = view([2, 5], [2 * 5, 1])
top_left_block = view([2, 3], [5, 1])
first_column_three_times = view([4, 3], [5, 0])
