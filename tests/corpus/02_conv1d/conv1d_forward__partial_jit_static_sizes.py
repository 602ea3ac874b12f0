# kind: correct
import functools


@functools.partial(jax.jit, static_argnums=(2, 3))
def run_layer(key, x, features, kernel_size):
    model = MyConv1D(features, kernel_size)
    return model.apply(model.init(key, x), x)


def conv1d_forward(seed, x, features, kernel_size) -> jax.Array:
    """Init MyConv1D(features, kernel_size) with PRNGKey(int(seed)) on x (L, C_in), apply it, and flatten."""
    return run_layer(jax.random.PRNGKey(int(seed)), x, int(features), int(kernel_size)).reshape(-1)
