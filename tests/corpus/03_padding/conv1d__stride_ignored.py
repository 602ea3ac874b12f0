# kind: wrong
# feedback: Likely mistake: the stride is ignored
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    padded = pad1d(x, padding, padding, 0.0)
    batch, channels, width = padded.shape
    kernel = weights.shape[-1]
    out_width = width - kernel + 1
    s_b, s_c, s_w = padded.stride()
    windows = padded.as_strided((batch, channels, out_width, kernel), (s_b, s_c, s_w, s_w))
    return torch.einsum("bcok,dck->bdo", windows, weights)
