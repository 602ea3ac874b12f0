# kind: correct
def conv2d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv2d(x, weights) for x (b, ic, h, w), weights (oc, ic, kh, kw): stride 1, no padding, no bias."""
    kh, kw = weights.shape[-2:]
    windows = x.unfold(-2, kh, 1).unfold(-2, kw, 1)        # (b, ic, out_h, out_w, kh, kw)
    products = windows[:, None] * weights[None, :, :, None, None, :, :]
    return products.sum(dim=(2, 5, 6))
