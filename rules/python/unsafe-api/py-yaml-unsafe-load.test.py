import yaml
from yaml import unsafe_load, unsafe_load_all


def read(stream, request):
    # ruleid: py-yaml-unsafe-load
    config = yaml.unsafe_load(stream)
    # ruleid: py-yaml-unsafe-load
    data = unsafe_load(request.data)
    # ruleid: py-yaml-unsafe-load
    docs = list(unsafe_load_all(stream))
    return config


# ok: py-yaml-unsafe-load
config = yaml.safe_load(stream)
# ok: py-yaml-unsafe-load
sample = yaml.unsafe_load("a: 1")
# ok: py-yaml-unsafe-load
data = loader.unsafe_load(stream)
