# kind: correct
import einops


def conv1d_forward(seed, x, features, kernel_size) -> jax.Array:
    """Init MyConv1D(features, kernel_size) with PRNGKey(int(seed)) on x (L, C_in), apply it, and flatten."""
    model = MyConv1D(int(features), int(kernel_size))
    out = model.apply(model.init(jax.random.key(int(seed)), x), x)
    return einops.rearrange(out, "l f -> (l f)")
