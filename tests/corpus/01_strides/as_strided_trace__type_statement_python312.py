# kind: wrong
# python: 3.12
# feedback: a `type` statement is new in Python 3.12
type Matrix = torch.Tensor


def as_strided_trace(mat: Matrix) -> torch.Tensor:
    n = mat.shape[0]
    return torch.as_strided(mat, (n,), (sum(mat.stride()),), mat.storage_offset()).sum()
