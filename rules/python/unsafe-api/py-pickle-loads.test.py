import pickle
import _pickle
import dill
import cloudpickle as cp
from pickle import loads as unpickle


def handle(body, cookie, redis, message):
    # ruleid: py-pickle-loads
    user = pickle.loads(body)
    # ruleid: py-pickle-loads
    session = unpickle(base64.b64decode(cookie))
    # ruleid: py-pickle-loads
    job = dill.loads(message.payload)
    # ruleid: py-pickle-loads
    value = cp.loads(redis.get(key))
    # ruleid: py-pickle-loads
    obj = _pickle.loads(data)
    return user


# ok: py-pickle-loads
empty = pickle.loads(b"\x80\x04]\x94.")
# ok: py-pickle-loads
blob = pickle.dumps(obj)
# ok: py-pickle-loads
payload = json.loads(request.body)
# ok: py-pickle-loads
doc = orjson.loads(request.body)
# ok: py-pickle-loads
clone = pickle.loads(pickle.dumps(exc))
