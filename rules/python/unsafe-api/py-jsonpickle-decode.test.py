import jsonpickle
import jsonpickle as jp
from jsonpickle import decode


def load_order(body, cookie, text):
    # ruleid: py-jsonpickle-decode
    order = jsonpickle.decode(body)
    # ruleid: py-jsonpickle-decode
    cart = jp.decode(cookie)
    # ruleid: py-jsonpickle-decode
    obj = decode(text)
    # ruleid: py-jsonpickle-decode
    obj = jsonpickle.loads(text)
    return order


# ok: py-jsonpickle-decode
empty = jsonpickle.decode("{}")
# ok: py-jsonpickle-decode
text = jsonpickle.encode(order)
# ok: py-jsonpickle-decode
data = json.loads(text)
# ok: py-jsonpickle-decode
value = codecs.decode(text, "rot13")
