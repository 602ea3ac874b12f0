# kind: wrong
# feedback: a shape holds a float
def conv1d_forward(seed, x, features, kernel_size) -> jax.Array:
    """Init MyConv1D(features, kernel_size) with PRNGKey(int(seed)) on x (L, C_in), apply it, and flatten."""
    model = MyConv1D(features=features, kernel_size=kernel_size)
    return model.apply(model.init(jax.random.PRNGKey(int(seed)), x), x).reshape(-1)
