# kind: correct
import einops


def maxpool2d(x, kernel_size, stride=None, padding=0):
    kernel = (kernel_size,) * 2 if isinstance(kernel_size, int) else tuple(kernel_size)
    step = kernel if stride is None else ((stride,) * 2 if isinstance(stride, int) else tuple(stride))
    pad = (padding,) * 2 if isinstance(padding, int) else tuple(padding)
    b, c, h, w = x.shape
    out_h = (h + 2 * pad[0] - kernel[0]) // step[0] + 1
    out_w = (w + 2 * pad[1] - kernel[1]) // step[1] + 1
    xp = F.pad(x, (pad[1], pad[1], pad[0], pad[0]), value=float("-inf"))
    cols = F.unfold(xp, kernel, stride=step)  # (b, c * kh * kw, out_h * out_w)
    cols = einops.rearrange(cols, "b (c k) (h w) -> b c h w k", c=c, h=out_h, w=out_w)
    return cols.amax(dim=-1)
