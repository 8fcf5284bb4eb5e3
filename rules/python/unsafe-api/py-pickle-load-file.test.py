import pickle
import shelve
import joblib
import pandas as pd
from pickle import Unpickler
from dill import load as dill_load


def restore(upload, path):
    with open(path, "rb") as f:
        # ruleid: py-pickle-load-file
        state = pickle.load(f)
    # ruleid: py-pickle-load-file
    obj = Unpickler(upload.stream).load()
    # ruleid: py-pickle-load-file
    db = shelve.open(path)
    # ruleid: py-pickle-load-file
    model = joblib.load(path)
    # ruleid: py-pickle-load-file
    df = pd.read_pickle(upload.filename)
    # ruleid: py-pickle-load-file
    fn = dill_load(upload.stream)
    return state


# ok: py-pickle-load-file
model = joblib.load("models/classifier.joblib")
# ok: py-pickle-load-file
db = shelve.open("cache.db")
# ok: py-pickle-load-file
data = json.load(f)
# ok: py-pickle-load-file
df = pd.read_csv(path)
# ok: py-pickle-load-file
pickle.dump(state, f)
