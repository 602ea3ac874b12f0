# kind: correct
def conv2d(x: torch.Tensor, weights: torch.Tensor, stride=1, padding=0) -> torch.Tensor:
    """Return F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or pairs."""
    sh, sw = force_pair(stride)
    ph, pw = force_pair(padding)
    padded = x.new_zeros(x.shape[0], x.shape[1], x.shape[2] + 2 * ph, x.shape[3] + 2 * pw)
    padded[:, :, ph:ph + x.shape[2], pw:pw + x.shape[3]] = x
    return conv2d_minimal(padded, weights)[:, :, ::sh, ::sw]
