# kind: wrong
# feedback: use mat.stride()
def as_strided_trace(mat):
    n = mat.shape[0]
    return torch.as_strided(mat, (n,), (n + 1,)).sum()
