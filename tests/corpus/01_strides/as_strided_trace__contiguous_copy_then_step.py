# kind: correct
def as_strided_trace(mat):
    dense = mat.contiguous()
    n = dense.shape[0]
    return torch.as_strided(dense, (n,), (n + 1,)).sum()
