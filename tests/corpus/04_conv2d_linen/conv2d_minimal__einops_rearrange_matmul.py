# kind: correct
from einops import rearrange


def conv2d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv2d(x, weights) for x (b, ic, h, w), weights (oc, ic, kh, kw): stride 1, no padding, no bias."""
    b, ic, h, w = x.shape
    oc, _, kh, kw = weights.shape
    s_b, s_c, s_h, s_w = x.stride()
    windows = torch.as_strided(x, (b, ic, h - kh + 1, w - kw + 1, kh, kw), (s_b, s_c, s_h, s_w, s_h, s_w))
    columns = rearrange(windows, "b c i j u v -> b i j (c u v)")
    out = columns @ rearrange(weights, "o c u v -> (c u v) o")
    return rearrange(out, "b i j o -> b o i j")
