# kind: correct
def as_strided_trace(mat):
    match mat.stride():
        case (row, column):
            diagonal = mat.as_strided((mat.size(0),), (row + column,))
        case _:
            raise ValueError("expected a matrix")
    return torch.sum(diagonal)
