# kind: correct
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    size = list(x.shape)
    size[-1] += left + right
    out = x.new_empty(size)
    out.fill_(pad_value)
    out.narrow(-1, left, x.shape[-1]).copy_(x)
    return out
