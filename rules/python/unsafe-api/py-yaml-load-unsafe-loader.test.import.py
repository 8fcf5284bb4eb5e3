from yaml import FullLoader, load, safe_load


def read_settings(path):
    with open(path) as fh:
        # ruleid: py-yaml-load-unsafe-loader
        return load(fh, Loader=FullLoader)


def read_defaults(text):
    # ok: py-yaml-load-unsafe-loader
    return safe_load(text)
