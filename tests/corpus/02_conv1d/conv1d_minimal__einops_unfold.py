# kind: correct
import einops


def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    windows = x.unfold(2, weights.shape[-1], 1)      # (b, ic, w - kw + 1, kw)
    return einops.einsum(windows, weights, "n c t k, o c k -> n o t")
