# kind: correct
def conv2d(x: torch.Tensor, weights: torch.Tensor, stride=1, padding=0) -> torch.Tensor:
    """Return F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or pairs."""
    def pair(v):
        return (v, v) if isinstance(v, int) else (v[0], v[1])

    steps, pads = pair(stride), pair(padding)
    b, ic, h, w = x.shape
    oc, _, kh, kw = weights.shape
    padded = torch.zeros(b, ic, h + 2 * pads[0], w + 2 * pads[1], dtype=x.dtype, device=x.device)
    padded[:, :, pads[0]:pads[0] + h, pads[1]:pads[1] + w] = x
    out_h = math.floor((h + 2 * pads[0] - kh) / steps[0]) + 1
    out_w = math.floor((w + 2 * pads[1] - kw) / steps[1]) + 1
    s = padded.stride()
    windows = padded.as_strided((b, ic, out_h, out_w, kh, kw), (s[0], s[1], s[2] * steps[0], s[3] * steps[1], s[2], s[3]))
    return (windows.unsqueeze(1) * weights[None, :, :, None, None]).sum(dim=(2, 5, 6))
