# kind: correct
def as_strided_mm(matA, matB):
    columns = [(matA * matB[:, c].expand(matA.shape[0], -1)).sum(-1) for c in range(matB.shape[1])]
    return torch.stack(columns, dim=-1)
