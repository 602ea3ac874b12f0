# kind: correct
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    w = x.shape[-1]
    positions = torch.arange(-left, w + right, device=x.device)
    inside = (positions >= 0) & (positions < w)
    taken = x[..., positions.clamp(0, max(w - 1, 0))]
    return torch.where(inside, taken, torch.tensor(pad_value, dtype=x.dtype, device=x.device))
