# kind: correct
print("defining conv1d_minimal_simple")
out_width = lambda x, weights: x.shape[0] - weights.shape[0] + 1
window_view = lambda x, n, kw: torch.as_strided(x, (n, kw), (x.stride(0),) * 2)


def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    n = out_width(x, weights)
    return torch.sum(window_view(x, n, weights.shape[0]) * weights, dim=-1)
