# kind: correct
def as_strided_mm(matA: torch.Tensor, matB: torch.Tensor) -> torch.Tensor:
    """Return matA @ matB for matA (i, j) and matB (j, k), via as_strided, * and sum."""
    i, j = matA.shape
    k = matB.shape[1]
    a_row, a_col = matA.stride()
    b_row, b_col = matB.stride()
    a = torch.as_strided(matA, (i, j, k), (a_row, a_col, 0))
    b = torch.as_strided(matB, (i, j, k), (0, b_row, b_col))
    return (a * b).sum(dim=1)
