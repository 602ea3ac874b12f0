# kind: correct
from __future__ import annotations

output_size = lambda size, k, s, p: (size + 2 * p - k) // s + 1


def conv2d(x: torch.Tensor, weights: torch.Tensor, stride=1, padding=0) -> torch.Tensor:
    """Return F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or pairs."""
    sh, sw = force_pair(stride)
    ph, pw = force_pair(padding)
    b, ic, h, w = x.shape
    oc, ic_w, kh, kw = weights.shape
    assert ic == ic_w, "x and weights disagree on the input channels"
    out_h, out_w = output_size(h, kh, sh, ph), output_size(w, kw, sw, pw)
    padded = F.pad(x, (pw, pw, ph, ph))
    s_b, s_c, s_h, s_w = padded.stride()
    windows = padded.as_strided((b, ic, out_h, out_w, kh, kw), (s_b, s_c, s_h * sh, s_w * sw, s_h, s_w))
    return (windows[:, None] * weights[None, :, :, None, None]).sum(dim=(2, 5, 6))
