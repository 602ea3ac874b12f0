# kind: correct
from __future__ import annotations

as_int = lambda value: int(value)


def conv1d_forward(seed: float, x: jax.Array, features: float, kernel_size: float) -> jax.Array:
    """Init MyConv1D(features, kernel_size) with PRNGKey(int(seed)) on x (L, C_in), apply it, and flatten."""
    model: nn.Module = MyConv1D(as_int(features), as_int(kernel_size))
    key: jax.Array = jax.random.PRNGKey(as_int(seed))
    out: jax.Array = model.apply(model.init(key, x), x)
    return out.reshape(-1)
