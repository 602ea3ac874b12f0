# kind: correct
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    padded = pad1d(x, padding, padding, 0)
    k = weights.shape[2]
    count = (padded.shape[2] - k) // stride + 1
    out = x.new_zeros((x.shape[0], weights.shape[0], count))
    for tap in range(k):
        taken = padded[:, :, tap:tap + (count - 1) * stride + 1:stride]
        out += torch.einsum("bcw,dc->bdw", taken, weights[:, :, tap])
    return out
