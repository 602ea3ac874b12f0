# kind: correct
def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride):
    """Build MyConv2D with nnx.Rngs(int(seed)), apply it to x (H, W, C_in) and return the flattened output."""
    seed, features, kernel_h, kernel_w, stride = map(int, (seed, features, kernel_h, kernel_w, stride))
    rngs = nnx.Rngs(params=seed)
    return jnp.ravel(MyConv2D(x.shape[-1], features, kernel_h, kernel_w, stride, rngs=rngs)(jnp.asarray(x)))
