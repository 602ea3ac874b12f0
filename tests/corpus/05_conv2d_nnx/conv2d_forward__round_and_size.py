# kind: correct
def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride):
    """Build MyConv2D with nnx.Rngs(int(seed)), apply it to x (H, W, C_in) and return the flattened output."""
    sizes = [round(v) for v in (features, kernel_h, kernel_w, stride)]
    out = MyConv2D(x.shape[2], *sizes, rngs=nnx.Rngs(round(seed)))(x)
    return out.reshape(out.size)
