# kind: correct
import einops


def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    kw = len(weights)
    s = x.stride()[0]
    windows = torch.as_strided(x, (len(x) - kw + 1, kw), (s, s))
    return einops.einsum(windows, weights, "t k, k -> t")
