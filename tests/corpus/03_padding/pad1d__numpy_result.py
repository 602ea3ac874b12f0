# kind: wrong
# feedback: should return a torch tensor, got ndarray
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    data = x.cpu().numpy()
    out = np.full((*data.shape[:-1], left + data.shape[-1] + right), pad_value, dtype=data.dtype)
    out[..., left:left + data.shape[-1]] = data
    return out
