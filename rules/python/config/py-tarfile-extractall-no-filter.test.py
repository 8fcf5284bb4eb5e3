import tarfile
import zipfile
from tarfile import open as tar_open

# ruleid: py-tarfile-extractall-no-filter
tarfile.open("upload.tar.gz").extractall("/srv/data")


def unpack(path, dest):
    with tarfile.open(path, "r:gz") as tar:
        # ruleid: py-tarfile-extractall-no-filter
        tar.extractall(dest)


def unpack2(path, dest):
    archive = tar_open(path)
    print("extracting", path)
    # ruleid: py-tarfile-extractall-no-filter
    archive.extractall(path=dest)
    archive.close()


tf = tarfile.TarFile("bundle.tar")
# ruleid: py-tarfile-extractall-no-filter
tf.extractall()


def safe(path, dest):
    with tarfile.open(path) as tar:
        # ok: py-tarfile-extractall-no-filter
        tar.extractall(dest, filter="data")


def zipped(path, dest):
    with zipfile.ZipFile(path) as zf:
        # ok: py-tarfile-extractall-no-filter
        zf.extractall(dest)


def other(path, dest):
    with tarfile.open(path) as tar:
        # ok: py-tarfile-extractall-no-filter
        tar.extractall(dest, members=safe_members(tar), filter=tarfile.data_filter)
