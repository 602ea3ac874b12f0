# kind: correct
def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride):
    """Build MyConv2D with nnx.Rngs(int(seed)), apply it to x (H, W, C_in) and return the flattened output."""
    layer = MyConv2D(in_features=int(np.shape(x)[-1]), out_features=int(features), kernel_h=int(kernel_h),
                     kernel_w=int(kernel_w), stride=int(stride), rngs=nnx.Rngs(jax.random.key(int(seed))))
    graphdef, state = nnx.split(layer)
    return nnx.merge(graphdef, state)(jnp.asarray(x, jnp.float32)).flatten()
