# kind: correct
import einops


def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    padded = pad1d(x, padding, padding, 0.0)
    b, ic, width = padded.shape
    k = weights.shape[-1]
    count = (width - k) // stride + 1
    s_b, s_c, s_w = padded.stride()
    windows = padded.as_strided((b, ic, count, k), (s_b, s_c, stride * s_w, s_w))
    return einops.einsum(windows, weights, "b c o k, d c k -> b d o")
