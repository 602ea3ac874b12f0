# kind: wrong
# feedback: values are wrong
def conv1d_forward(seed, x, features, kernel_size) -> jax.Array:
    """Init MyConv1D(features, kernel_size) with PRNGKey(int(seed)) on x (L, C_in), apply it, and flatten."""
    model = MyConv1D(int(features), int(kernel_size))
    _, init_key = jax.random.split(jax.random.PRNGKey(int(seed)))
    return model.apply(model.init(init_key, x), x).reshape(-1)
