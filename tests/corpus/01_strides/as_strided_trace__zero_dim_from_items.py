# kind: correct
def as_strided_trace(mat):
    diagonal = torch.as_strided(mat, (mat.shape[0],), (mat.stride(0) + mat.stride(1),))
    total = torch.zeros((), dtype=mat.dtype, device=mat.device)
    for value in diagonal:
        total = total + value
    return total
