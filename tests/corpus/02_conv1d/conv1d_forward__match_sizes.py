# kind: correct
def conv1d_forward(seed, x, features, kernel_size) -> jax.Array:
    """Init MyConv1D(features, kernel_size) with PRNGKey(int(seed)) on x (L, C_in), apply it, and flatten."""
    match int(features), int(kernel_size):
        case (f, k) if f > 0 and k > 0:
            model = MyConv1D(f, k)
        case _:
            raise ValueError("features and kernel_size must be positive")
    return model.apply(model.init(jax.random.PRNGKey(int(seed)), x), x).flatten()
