# kind: correct
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    padded = pad1d(x, padding, padding, 0.0)
    b, ic, width = padded.shape
    k = weights.shape[-1]
    count = math.ceil((width - k + 1) / stride)
    s_b, s_c, s_w = padded.stride()
    windows = torch.as_strided(padded, (b, ic, count, k), (s_b, s_c, stride * s_w, s_w), padded.storage_offset())
    return torch.tensordot(windows, weights, dims=([1, 3], [1, 2])).permute(0, 2, 1)
