# kind: correct
def maxpool2d(x, kernel_size, stride=None, padding=0):
    """Copy into a fresh contiguous -inf tensor first, so strides can be written from the shape."""
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    sh, sw = (kh, kw) if stride is None else ((stride, stride) if isinstance(stride, int) else stride)
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    b, c, h, w = x.shape
    H, W = h + 2 * ph, w + 2 * pw
    xp = torch.full((b, c, H, W), float("-inf"), dtype=x.dtype, device=x.device)
    xp[:, :, ph:ph + h, pw:pw + w] = x
    out_h, out_w = (H - kh) // sh + 1, (W - kw) // sw + 1
    windows = torch.as_strided(xp, (b, c, out_h, out_w, kh, kw), (c * H * W, H * W, sh * W, sw, W, 1))
    return windows.flatten(-2).max(dim=-1).values
