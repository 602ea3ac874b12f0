# kind: correct
def diagonal_view(matrix):
    """The diagonal of a square matrix as a view of its memory."""
    step = (lambda strides: strides[0] + strides[1])(matrix.stride())
    return torch.as_strided(matrix, (len(matrix),), (step,))


def as_strided_trace(mat):
    return diagonal_view(mat).sum(dim=0)
