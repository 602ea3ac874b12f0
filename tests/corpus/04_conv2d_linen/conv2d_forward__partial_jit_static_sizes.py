# kind: correct
import functools


@functools.partial(jax.jit, static_argnums=(2, 3, 4, 5))
def run_layer(key, x, features, kernel_h, kernel_w, stride):
    model = MyConv2D(features, kernel_h, kernel_w, stride)
    return model.apply(model.init(key, x), x)


def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride) -> jax.Array:
    """Initialise MyConv2D with PRNGKey(int(seed)) on x (H, W, C_in), apply it to x and return the output flattened."""
    sizes = (int(features), int(kernel_h), int(kernel_w), int(stride))
    return run_layer(jax.random.PRNGKey(int(seed)), x, *sizes).reshape(-1)
