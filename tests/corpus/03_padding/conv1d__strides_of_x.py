# kind: wrong
# feedback: raised RuntimeError: setStorage
# hint: reaches past the end of x's memory
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    padded = pad1d(x, padding, padding, 0.0)
    b, c, width = padded.shape
    k = weights.shape[-1]
    count = (width - k) // stride + 1
    s_b, s_c, s_w = x.stride()  # the strides of x, not of the padded copy
    windows = padded.as_strided((b, c, count, k), (s_b, s_c, stride * s_w, s_w))
    return torch.einsum("bcok,dck->bdo", windows, weights)
