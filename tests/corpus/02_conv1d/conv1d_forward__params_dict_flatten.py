# kind: correct
def conv1d_forward(seed, x, features, kernel_size) -> jax.Array:
    """Init MyConv1D(features, kernel_size) with PRNGKey(int(seed)) on x (L, C_in), apply it, and flatten."""
    layer = MyConv1D(int(features), int(kernel_size))
    params = layer.init({"params": jax.random.PRNGKey(int(seed))}, x)["params"]
    return layer.apply({"params": params}, x).flatten()
