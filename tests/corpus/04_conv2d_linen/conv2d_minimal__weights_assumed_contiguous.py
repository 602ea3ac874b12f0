# kind: wrong
# feedback: weights (5, 2, 2, 4) transposed view
# hint: the weights are read as if they were contiguous
def conv2d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv2d(x, weights) for x (b, ic, h, w), weights (oc, ic, kh, kw): stride 1, no padding, no bias."""
    b, ic, h, w = x.shape
    oc, _, kh, kw = weights.shape
    s_b, s_c, s_h, s_w = x.stride()
    windows = x.as_strided((b, ic, h - kh + 1, w - kw + 1, kh, kw), (s_b, s_c, s_h, s_w, s_h, s_w), x.storage_offset())
    flat = weights.as_strided((oc, ic * kh * kw), (ic * kh * kw, 1), weights.storage_offset())
    return torch.einsum("bcijuv,ocuv->boij", windows, flat.reshape(oc, ic, kh, kw))
