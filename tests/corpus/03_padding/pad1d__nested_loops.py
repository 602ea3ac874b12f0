# kind: correct
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    b, c, w = x.shape
    out = x.new_empty((b, c, left + w + right))
    for i in range(b):
        for j in range(c):
            for k in range(left + w + right):
                out[i, j, k] = x[i, j, k - left] if left <= k < left + w else pad_value
    return out
