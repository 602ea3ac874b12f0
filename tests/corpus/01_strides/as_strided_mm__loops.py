# kind: correct
def as_strided_mm(matA, matB):
    rows, columns = matA.shape[0], matB.shape[1]
    out = torch.zeros(rows, columns, dtype=matA.dtype, device=matA.device)
    for r in range(rows):
        for c in range(columns):
            out[r, c] = (matA[r, :] * matB[:, c]).sum()
    return out
