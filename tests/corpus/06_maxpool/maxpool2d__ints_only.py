# kind: wrong
# feedback: may each be an int or an (h, w) tuple
def maxpool2d(x, kernel_size, stride=None, padding=0):
    stride = kernel_size if stride is None else stride
    x = F.pad(x, (padding,) * 4, value=-torch.inf)
    return x.unfold(2, kernel_size, stride).unfold(3, kernel_size, stride).amax((-2, -1))
