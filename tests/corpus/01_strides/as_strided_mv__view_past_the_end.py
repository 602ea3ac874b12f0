# kind: wrong
# feedback: reaches past the end of the input's memory
def as_strided_mv(mat: torch.Tensor, vec: torch.Tensor) -> torch.Tensor:
    """Return mat @ vec for mat (i, j) and vec (j,), via as_strided, * and sum."""
    i, j = mat.shape
    # one row too many: the view reads past the end of vec
    repeated = torch.as_strided(vec, (i, j + 1), (0, vec.stride(0)), vec.storage_offset())
    return (mat * repeated[:, :j]).sum(dim=1)
