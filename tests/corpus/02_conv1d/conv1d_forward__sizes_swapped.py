# kind: wrong
# feedback: features and kernel_size are swapped
def conv1d_forward(seed, x, features, kernel_size) -> jax.Array:
    """Init MyConv1D(features, kernel_size) with PRNGKey(int(seed)) on x (L, C_in), apply it, and flatten."""
    model = MyConv1D(int(kernel_size), int(features))
    return model.apply(model.init(jax.random.PRNGKey(int(seed)), x), x).reshape(-1)
