import numpy as np
from numpy import load


def read(upload, path):
    # ruleid: py-numpy-load-allow-pickle
    arr = np.load(upload, allow_pickle=True)
    # ruleid: py-numpy-load-allow-pickle
    data = load(path, allow_pickle=True, mmap_mode=None)
    return arr


# ok: py-numpy-load-allow-pickle
arr = np.load(path)
# ok: py-numpy-load-allow-pickle
arr = np.load(path, allow_pickle=False)
# ok: py-numpy-load-allow-pickle
state = torch_utils.load(path, allow_pickle=True)
