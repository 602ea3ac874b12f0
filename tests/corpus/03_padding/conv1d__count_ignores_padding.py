# kind: wrong
# feedback: Likely mistake: the output count leaves out the padding
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    b, ic, w = x.shape
    k = weights.shape[-1]
    out_width = (w - k) // stride + 1
    padded = pad1d(x, padding, padding, 0.0)
    s_b, s_c, s_w = padded.stride()
    windows = padded.as_strided((b, ic, out_width, k), (s_b, s_c, stride * s_w, s_w))
    return torch.einsum("bcok,dck->bdo", windows, weights)
