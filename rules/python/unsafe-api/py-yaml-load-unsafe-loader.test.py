import yaml
import yaml as y
from yaml import load, Loader, SafeLoader, CSafeLoader
from yaml import CLoader


def read_config(stream, text):
    # ruleid: py-yaml-load-unsafe-loader
    config = yaml.load(stream, Loader=yaml.Loader)
    # ruleid: py-yaml-load-unsafe-loader
    data = y.load(text, y.UnsafeLoader)
    # ruleid: py-yaml-load-unsafe-loader
    data = load(text, Loader=Loader)
    # ruleid: py-yaml-load-unsafe-loader
    docs = list(yaml.load_all(stream, Loader=yaml.FullLoader))
    # ruleid: py-yaml-load-unsafe-loader
    data = yaml.load(text, Loader=CLoader)
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
