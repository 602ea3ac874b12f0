# kind: correct
def as_strided_mv(mat: torch.Tensor, vec: torch.Tensor) -> torch.Tensor:
    """Return mat @ vec for mat (i, j) and vec (j,), via as_strided, * and sum."""
    rows = mat.shape[0]
    spread = torch.as_strided(vec, (rows, vec.shape[0]), (0, vec.stride()[0]))
    return (mat * spread).sum(dim=1)
