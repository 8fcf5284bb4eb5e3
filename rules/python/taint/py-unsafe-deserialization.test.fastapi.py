import pickle

from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/model")
async def load_model(file: UploadFile, version: int = 1):
    # ruleid: py-unsafe-deserialization
    model = pickle.loads(await file.read())
    # ok: py-unsafe-deserialization
    meta = pickle.loads(pickle.dumps({"version": version}))
    return {"model": str(model), "meta": meta}
