# kind: correct
def conv2d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv2d(x, weights) for x (b, ic, h, w), weights (oc, ic, kh, kw): stride 1, no padding, no bias."""
    x = x.contiguous()
    b, ic, h, w = x.shape
    _, _, kh, kw = weights.shape
    strides = x.stride()
    windows = torch.as_strided(x, (b, ic, h - kh + 1, w - kw + 1, kh, kw), strides + strides[2:])
    return (windows[:, None] * weights[None, :, :, None, None]).sum(dim=(2, 5, 6))
