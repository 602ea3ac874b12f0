# kind: correct
def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride) -> jax.Array:
    """Initialise MyConv2D with PRNGKey(int(seed)) on x (H, W, C_in), apply it to x and return the output flattened."""
    match [int(v) for v in (features, kernel_h, kernel_w, stride)]:
        case [f, kh, kw, s] if min(f, kh, kw, s) > 0:
            model = MyConv2D(f, kh, kw, s)
        case sizes:
            raise ValueError(f"sizes must be positive, got {sizes}")
    return model.apply(model.init(jax.random.PRNGKey(int(seed)), x), x).flatten()
