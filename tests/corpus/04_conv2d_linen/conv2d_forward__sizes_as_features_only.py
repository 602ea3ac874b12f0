# kind: wrong
# feedback: expected shape
def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride) -> jax.Array:
    """Initialise MyConv2D with PRNGKey(int(seed)) on x (H, W, C_in), apply it to x and return the output flattened."""
    # every size from the same argument
    size = int(features)
    model = MyConv2D(size, size, size, size)
    return model.apply(model.init(jax.random.PRNGKey(int(seed)), x), x).reshape(-1)
