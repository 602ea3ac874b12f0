# kind: correct
from einops import rearrange


def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    b, ic, w = x.shape
    kw = weights.shape[-1]
    s_b, s_c, s_w = x.stride()
    windows = x.as_strided((b, ic, w - kw + 1, kw), (s_b, s_c, s_w, s_w))
    columns = rearrange(windows, "n c t k -> n t (c k)")
    kernel = rearrange(weights, "o c k -> (c k) o")
    return rearrange(columns @ kernel, "n t o -> n o t")
