# kind: correct
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    assert x.dim() == 3, "x must be (b, c, w)"
    assert left >= 0 and right >= 0
    width = x.shape[-1]
    out = torch.empty(x.shape[0], x.shape[1], left + width + right, dtype=x.dtype, device=x.device)
    out.fill_(pad_value)
    out[:, :, left:left + width] = x
    print(f"padded {tuple(x.shape)} to {tuple(out.shape)}")
    return out
