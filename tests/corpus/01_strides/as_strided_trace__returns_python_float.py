# kind: wrong
# feedback: return the tensor itself
def as_strided_trace(mat: torch.Tensor) -> torch.Tensor:
    """Return the trace of the square matrix `mat` as a 0-d tensor, via as_strided and sum."""
    row_stride, col_stride = mat.stride()
    view = torch.as_strided(mat, (mat.shape[0],), (row_stride + col_stride,), mat.storage_offset())
    return view.sum().item()
