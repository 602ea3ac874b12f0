# kind: correct
import einops


def conv2d(x: torch.Tensor, weights: torch.Tensor, stride=1, padding=0) -> torch.Tensor:
    """Return F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or pairs."""
    (sh, sw), (ph, pw) = force_pair(stride), force_pair(padding)
    b, ic, h, w = x.shape
    _, _, kh, kw = weights.shape
    padded = x.new_zeros(b, ic, h + 2 * ph, w + 2 * pw)
    padded[:, :, ph:ph + h, pw:pw + w] = x
    windows = padded.unfold(2, kh, sh).unfold(3, kw, sw)       # (b, ic, out_h, out_w, kh, kw)
    return einops.einsum(windows, weights, "b c i j u v, o c u v -> b o i j")
