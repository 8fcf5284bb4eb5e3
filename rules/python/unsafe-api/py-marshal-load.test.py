import marshal
from marshal import loads


def read(blob, f):
    # ruleid: py-marshal-load
    value = marshal.loads(blob)
    # ruleid: py-marshal-load
    code = marshal.load(f)
    # ruleid: py-marshal-load
    value = loads(request.data)
    return value


# ok: py-marshal-load
blob = marshal.dumps(value)
# ok: py-marshal-load
empty = marshal.loads(b"N")
# ok: py-marshal-load
data = json.loads(blob)
