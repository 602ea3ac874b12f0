# kind: correct
def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride) -> jax.Array:
    """Initialise MyConv2D with PRNGKey(int(seed)) on x (H, W, C_in), apply it to x and return the output flattened."""
    sizes = [int(v) for v in (features, kernel_h, kernel_w, stride)]
    y, _ = MyConv2D(*sizes).init_with_output(jax.random.PRNGKey(int(seed)), x)
    return jnp.reshape(y, (-1,))
