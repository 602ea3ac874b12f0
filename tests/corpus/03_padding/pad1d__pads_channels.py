# kind: wrong
# feedback: Likely mistake: padded the channel axis (dimension 1)
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    b, c, w = x.shape
    out = x.new_full((b, left + c + right, w), pad_value)
    out[:, left:left + c] = x
    return out
