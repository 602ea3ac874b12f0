# kind: wrong
# feedback: expected dtype float32, got float64
# hint: keep x's dtype (float32)
def maxpool2d_jax(x, window, stride, padding):
    """NumPy windows in float64: the right values, but no longer x's dtype."""
    (kh, kw) = (window, window) if isinstance(window, int) else window
    (sh, sw) = (stride, stride) if isinstance(stride, int) else stride
    pads = jax.lax.padtype_to_pads(x.shape[:2], (kh, kw), (sh, sw), padding)
    padded = np.pad(np.asarray(x, np.float64), (*pads, (0, 0)), constant_values=-np.inf)
    windows = np.lib.stride_tricks.sliding_window_view(padded, (kh, kw), axis=(0, 1))[::sh, ::sw]
    return windows.max(axis=(-2, -1))
