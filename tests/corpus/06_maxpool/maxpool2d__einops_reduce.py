# kind: correct
from einops import reduce


def maxpool2d(x, kernel_size, stride=None, padding=0):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    sh, sw = (kh, kw) if stride is None else ((stride, stride) if isinstance(stride, int) else stride)
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    xp = F.pad(x, (pw, pw, ph, ph), value=-torch.inf)
    windows = xp.unfold(2, kh, sh).unfold(3, kw, sw)  # (b, c, out_h, out_w, kh, kw)
    return reduce(windows, "b c h w i j -> b c h w", "max")
