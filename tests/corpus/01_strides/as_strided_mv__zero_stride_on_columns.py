# kind: wrong
# feedback: vec's zero stride is on the wrong dimension
def as_strided_mv(mat: torch.Tensor, vec: torch.Tensor) -> torch.Tensor:
    """Return mat @ vec for mat (i, j) and vec (j,), via as_strided, * and sum."""
    i, j = mat.shape
    # the demo's view, copied: row r repeats vec[r]
    repeated = torch.as_strided(vec, (i, j), (vec.stride(0), 0), vec.storage_offset())
    return (mat * repeated).sum(dim=1)
