# kind: wrong
# feedback: values are wrong
# hint: kernel_h and kernel_w are swapped
def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride):
    """Build MyConv2D with nnx.Rngs(int(seed)), apply it to x (H, W, C_in) and return the flattened output."""
    layer = MyConv2D(x.shape[-1], int(features), int(kernel_w), int(kernel_h), int(stride),
                     rngs=nnx.Rngs(int(seed)))
    return layer(x).reshape(-1)
