# kind: correct
import itertools


def maxpool2d(x, kernel_size, stride=None, padding=0):
    """Running maximum over the kh * kw strided slices of the padded input (no window view)."""
    kh, kw = [kernel_size] * 2 if isinstance(kernel_size, int) else list(kernel_size)
    sh, sw = [kh, kw] if stride is None else ([stride] * 2 if isinstance(stride, int) else list(stride))
    ph, pw = [padding] * 2 if isinstance(padding, int) else list(padding)
    b, c, h, w = x.shape
    xp = torch.full((b, c, h + 2 * ph, w + 2 * pw), -torch.inf, dtype=x.dtype, device=x.device)
    xp[..., ph:ph + h, pw:pw + w] = x
    out_h, out_w = (h + 2 * ph - kh) // sh + 1, (w + 2 * pw - kw) // sw + 1
    out = None
    for i, j in itertools.product(range(kh), range(kw)):
        piece = xp[..., i:i + (out_h - 1) * sh + 1:sh, j:j + (out_w - 1) * sw + 1:sw]
        out = piece if out is None else torch.maximum(out, piece)
    return out
