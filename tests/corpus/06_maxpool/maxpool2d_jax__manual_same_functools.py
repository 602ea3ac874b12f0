# kind: correct
import functools
import math


def maxpool2d_jax(x, window, stride, padding):
    """SAME pads worked out by hand (the odd cell at the end), then a running jnp.maximum over window offsets."""
    kh, kw = (window, window) if isinstance(window, int) else window
    sh, sw = (stride, stride) if isinstance(stride, int) else stride

    def pads(size, k, s):
        if padding == "VALID":
            return (0, 0)
        total = max((math.ceil(size / s) - 1) * s + k - size, 0)
        return (total // 2, total - total // 2)

    (top, bottom), (left, right) = pads(x.shape[0], kh, sh), pads(x.shape[1], kw, sw)
    xp = jnp.pad(x, ((top, bottom), (left, right), (0, 0)), constant_values=-jnp.inf)
    oh, ow = (xp.shape[0] - kh) // sh + 1, (xp.shape[1] - kw) // sw + 1
    pieces = (xp[i:i + (oh - 1) * sh + 1:sh, j:j + (ow - 1) * sw + 1:sw] for i in range(kh) for j in range(kw))
    return functools.reduce(jnp.maximum, pieces)
