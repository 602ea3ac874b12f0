# kind: correct
def conv1d_forward(seed, x, features, kernel_size) -> jax.Array:
    """Init MyConv1D(features, kernel_size) with PRNGKey(int(seed)) on x (L, C_in), apply it, and flatten."""
    model = MyConv1D(features=int(features), kernel_size=int(kernel_size))
    variables = model.init(jax.random.PRNGKey(int(seed)), x)
    return model.bind(variables)(x).ravel()
