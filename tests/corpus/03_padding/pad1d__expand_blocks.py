# kind: correct
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    value = x.new_tensor(pad_value)
    before = value.expand(*x.shape[:-1], left)
    after = value.expand(*x.shape[:-1], right)
    return torch.cat((before, x, after), dim=2)
