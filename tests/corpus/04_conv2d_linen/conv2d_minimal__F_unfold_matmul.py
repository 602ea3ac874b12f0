# kind: correct
def conv2d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv2d(x, weights) for x (b, ic, h, w), weights (oc, ic, kh, kw): stride 1, no padding, no bias."""
    b, ic, h, w = x.shape
    oc, _, kh, kw = weights.shape
    cols = F.unfold(x, (kh, kw))  # (b, ic*kh*kw, L)
    out = weights.reshape(oc, -1) @ cols
    return out.reshape(b, oc, h - kh + 1, w - kw + 1)
