# kind: correct
class LayerRun:
    """Builds MyConv2D from plain numbers and runs it once."""

    def __init__(self, features, kernel_h, kernel_w, stride) -> None:
        self.model = MyConv2D(int(features), int(kernel_h), int(kernel_w), int(stride))

    def __call__(self, seed, x):
        variables = self.model.init(jax.random.PRNGKey(int(seed)), x)
        return self.model.apply(variables, x)


def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride) -> jax.Array:
    """Initialise MyConv2D with PRNGKey(int(seed)) on x (H, W, C_in), apply it to x and return the output flattened."""
    assert x.ndim == 3, "x is one image (H, W, C_in)"
    out = LayerRun(features, kernel_h, kernel_w, stride)(seed, x)
    print("conv2d_forward:", out.shape, "->", out.size)
    return out.reshape(out.size)
