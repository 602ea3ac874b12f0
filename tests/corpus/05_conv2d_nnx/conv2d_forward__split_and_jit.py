# kind: correct
def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride) -> jax.Array:
    layer = MyConv2D(x.shape[-1], int(features), int(kernel_h), int(kernel_w), int(stride), rngs=nnx.Rngs(int(seed)))
    graph, state = nnx.split(layer)

    @jax.jit
    def forward(state, inputs):
        return nnx.merge(graph, state)(inputs)

    return forward(state, jnp.asarray(x)).reshape(-1)
