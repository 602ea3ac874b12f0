# kind: wrong
# feedback: view size is not compatible
# hint: use .reshape, never .view
def conv2d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv2d(x, weights) for x (b, ic, h, w), weights (oc, ic, kh, kw): stride 1, no padding, no bias."""
    b, ic, h, w = x.shape
    _, _, kh, kw = weights.shape
    s_b, s_c, s_h, s_w = x.stride()
    windows = x.as_strided((b, ic, h - kh + 1, w - kw + 1, kh, kw), (s_b, s_c, s_h, s_w, s_h, s_w), x.storage_offset())
    oc = weights.shape[0]
    cols = windows.permute(0, 2, 3, 1, 4, 5).reshape(b, h - kh + 1, w - kw + 1, -1)
    return (cols @ weights.view(oc, -1).T).permute(0, 3, 1, 2)
