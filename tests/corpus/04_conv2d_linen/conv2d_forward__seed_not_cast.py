# kind: wrong
# feedback: Error
# hint: the seed is a float
def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride) -> jax.Array:
    """Initialise MyConv2D with PRNGKey(int(seed)) on x (H, W, C_in), apply it to x and return the output flattened."""
    model = MyConv2D(int(features), int(kernel_h), int(kernel_w), int(stride))
    return model.apply(model.init(jax.random.PRNGKey(seed), x), x).reshape(-1)
