# kind: correct
from __future__ import annotations

to_int = lambda value: int(value)


def conv2d_forward(seed: float, x: jax.Array, features: float, kernel_h: float, kernel_w: float,
                   stride: float) -> jax.Array:
    """Initialise MyConv2D with PRNGKey(int(seed)) on x (H, W, C_in), apply it to x and return the output flattened."""
    model: nn.Module = MyConv2D(*map(to_int, (features, kernel_h, kernel_w, stride)))
    out: jax.Array = model.apply(model.init(jax.random.PRNGKey(to_int(seed)), x), x)
    return out.reshape(-1)
