# kind: correct
def conv1d_forward(seed, x, features, kernel_size) -> jax.Array:
    """Init MyConv1D(features, kernel_size) with PRNGKey(int(seed)) on x (L, C_in), apply it, and flatten."""
    model = MyConv1D(int(features), int(kernel_size))
    variables = model.init(jax.random.PRNGKey(int(seed)), x)
    return jax.jit(model.apply)(variables, x).reshape(-1)
