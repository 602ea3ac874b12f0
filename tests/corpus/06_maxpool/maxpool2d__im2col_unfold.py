# kind: correct
from torch.nn import functional as Fn


def to_pair(v):
    return tuple(v) if isinstance(v, (tuple, list)) else (v, v)


def maxpool2d(x, kernel_size, stride=None, padding=0):
    kernel = to_pair(kernel_size)
    step = kernel if stride is None else to_pair(stride)
    ph, pw = to_pair(padding)
    b, c, h, w = x.shape
    xp = Fn.pad(x, [pw, pw, ph, ph], value=-math.inf)
    out_h = (h + 2 * ph - kernel[0]) // step[0] + 1
    out_w = (w + 2 * pw - kernel[1]) // step[1] + 1
    cols = Fn.unfold(xp, kernel, stride=step)  # (b, c * kh * kw, out_h * out_w)
    return cols.reshape(b, c, kernel[0] * kernel[1], out_h, out_w).amax(dim=2)
