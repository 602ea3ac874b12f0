# kind: correct
import numpy


def conv1d(x, weights, stride=1, padding=0):
    padded = torch.nn.functional.pad(x, (padding, padding))
    windows = numpy.lib.stride_tricks.sliding_window_view(padded.numpy(), weights.shape[-1], axis=-1)[..., ::stride, :]
    out = numpy.einsum("bctk,ock->bot", windows, weights.numpy())
    return torch.from_numpy(numpy.ascontiguousarray(out)).to(x.dtype)
