# kind: correct
def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride):
    """Build MyConv2D with nnx.Rngs(int(seed)), apply it to x (H, W, C_in) and return the flattened output."""
    seed, features, kernel_h, kernel_w, stride = (int(v) for v in (seed, features, kernel_h, kernel_w, stride))
    layer = MyConv2D(np.shape(x)[-1], features, kernel_h, kernel_w, stride, rngs=nnx.Rngs(seed))
    out = np.asarray(layer(jnp.asarray(x)))
    print("conv2d_forward:", np.shape(x), "->", out.shape)
    return out.reshape(-1)
