# kind: correct
import functools
import operator


def conv1d_forward(seed, x, features, kernel_size) -> jax.Array:
    """Init MyConv1D(features, kernel_size) with PRNGKey(int(seed)) on x (L, C_in), apply it, and flatten."""
    seed, features, kernel_size = map(int, (seed, features, kernel_size))
    model = MyConv1D(features, kernel_size)
    out = model.apply(model.init(jax.random.PRNGKey(seed), x), x)
    return out.reshape(functools.reduce(operator.mul, out.shape))
