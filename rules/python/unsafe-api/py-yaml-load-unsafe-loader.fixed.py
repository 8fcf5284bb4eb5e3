import yaml
import yaml as y
from yaml import load, Loader, SafeLoader, CSafeLoader
from yaml import CLoader


def read_config(stream, text):
    # ruleid: py-yaml-load-unsafe-loader
    config = yaml.load(stream, Loader=yaml.SafeLoader)
    # ruleid: py-yaml-load-unsafe-loader
    data = y.load(text, y.SafeLoader)
    # ruleid: py-yaml-load-unsafe-loader
    data = load(text, Loader=SafeLoader)
    # ruleid: py-yaml-load-unsafe-loader
    docs = list(yaml.load_all(stream, Loader=yaml.SafeLoader))
    # ruleid: py-yaml-load-unsafe-loader
    data = yaml.load(text, Loader=CSafeLoader)
    return config


class StrictLoader(yaml.SafeLoader):
    pass


# ok: py-yaml-load-unsafe-loader
config = yaml.load(stream, Loader=yaml.SafeLoader)
# ok: py-yaml-load-unsafe-loader
config = load(stream, Loader=CSafeLoader)
# ok: py-yaml-load-unsafe-loader
config = yaml.load(stream, SafeLoader)
# ok: py-yaml-load-unsafe-loader
config = yaml.load(stream, Loader=StrictLoader)
# ok: py-yaml-load-unsafe-loader
config = yaml.safe_load(stream)
