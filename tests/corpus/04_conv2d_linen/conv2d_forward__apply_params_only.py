# kind: wrong
# feedback: not variables["params"]
def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride) -> jax.Array:
    """Initialise MyConv2D with PRNGKey(int(seed)) on x (H, W, C_in), apply it to x and return the output flattened."""
    model = MyConv2D(int(features), int(kernel_h), int(kernel_w), int(stride))
    variables = model.init(jax.random.PRNGKey(int(seed)), x)
    return model.apply(variables["params"], x).reshape(-1)
