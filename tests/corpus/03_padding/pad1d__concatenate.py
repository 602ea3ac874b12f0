# kind: correct
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    b, c, w = x.shape
    lo = torch.full((b, c, left), pad_value, dtype=x.dtype, device=x.device)
    hi = torch.full((b, c, right), pad_value, dtype=x.dtype, device=x.device)
    return torch.cat([lo, x, hi], dim=-1)
