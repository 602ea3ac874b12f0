# kind: wrong
# feedback: return the result in x's dtype
def conv2d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv2d(x, weights) for x (b, ic, h, w), weights (oc, ic, kh, kw): stride 1, no padding, no bias."""
    b, ic, h, w = x.shape
    oc, _, kh, kw = weights.shape
    out = torch.zeros(b, oc, h - kh + 1, w - kw + 1)
    for u in range(kh):
        for v in range(kw):
            out += torch.einsum("bchw,oc->bohw", x[:, :, u:u + h - kh + 1, v:v + w - kw + 1], weights[:, :, u, v]).float()
    return out
