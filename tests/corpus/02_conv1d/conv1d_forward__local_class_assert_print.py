# kind: correct
class Runner:
    """Builds the layer once and runs it on inputs."""

    def __init__(self, features: int, kernel_size: int) -> None:
        self.model = MyConv1D(features, kernel_size)

    def __call__(self, key, x):
        return self.model.apply(self.model.init(key, x), x)


def conv1d_forward(seed, x, features, kernel_size) -> jax.Array:
    """Init MyConv1D(features, kernel_size) with PRNGKey(int(seed)) on x (L, C_in), apply it, and flatten."""
    assert x.ndim == 2, "x is one signal (L, C_in)"
    out = Runner(int(features), int(kernel_size))(jax.random.PRNGKey(int(seed)), x)
    print("conv1d_forward output shape:", out.shape)
    return out.reshape(-1)
