import torch
from torch import load as torch_load


def restore(path, model):
    # ruleid: py-torch-load-weights-only-false
    ckpt = torch.load(path, map_location="cpu", weights_only=False)
    # ruleid: py-torch-load-weights-only-false
    state = torch_load(path, weights_only=False)
    model.load_state_dict(state)


# ok: py-torch-load-weights-only-false
state = torch.load(path, weights_only=True)
# ok: py-torch-load-weights-only-false
state = torch.load(path, map_location="cpu")
# ok: py-torch-load-weights-only-false
state = safetensors.torch.load_file(path)
