# kind: wrong
# feedback: returned None. Did you forget `return`?
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    width = x.shape[-1]
    out = x.new_full((*x.shape[:-1], left + width + right), pad_value)
    out[..., left:left + width] = x
