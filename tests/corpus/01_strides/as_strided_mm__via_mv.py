# kind: correct
def as_strided_mm(matA, matB):
    columns = [as_strided_mv(matA, matB[:, c]) for c in range(matB.shape[1])]
    return torch.stack(columns, dim=1)
