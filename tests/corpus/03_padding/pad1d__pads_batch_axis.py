# kind: wrong
# feedback: Likely mistake: padded the first axis
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    batch = x.shape[0]
    out = x.new_full((left + batch + right, *x.shape[1:]), pad_value)
    out[left:left + batch] = x
    return out
