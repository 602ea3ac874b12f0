"""Where tensors live: the CUDA GPU if there is one, else the CPU."""

import torch

DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")
