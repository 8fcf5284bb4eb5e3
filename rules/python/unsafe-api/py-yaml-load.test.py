import yaml
import yaml as y
from yaml import load, load_all, SafeLoader


def read_config(stream, text):
    # ruleid: py-yaml-load
    config = yaml.load(stream)
    # ruleid: py-yaml-load
    data = y.load(text)
    # ruleid: py-yaml-load
    data = load(text)
    # ruleid: py-yaml-load
    docs = list(yaml.load_all(stream))
    # ruleid: py-yaml-load
    docs = list(load_all(stream))
    return config


# ok: py-yaml-load
config = yaml.safe_load(stream)
# ok: py-yaml-load
config = yaml.load(stream, Loader=yaml.SafeLoader)
# ok: py-yaml-load
config = yaml.load(stream, SafeLoader)
# ok: py-yaml-load
config = yaml.load(stream, Loader=yaml.Loader)
# ok: py-yaml-load
data = json.load(stream)
# ok: py-yaml-load
config = ruamel_yaml.load(stream)
