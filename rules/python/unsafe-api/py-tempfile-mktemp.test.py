import tempfile
import tempfile as tf
from tempfile import mktemp

# ruleid: py-tempfile-mktemp
path = tempfile.mktemp()
# ruleid: py-tempfile-mktemp
out = tf.mktemp(suffix=".csv", dir=workdir)
# ruleid: py-tempfile-mktemp
name = mktemp(".log")

# ok: py-tempfile-mktemp
fd, path = tempfile.mkstemp(suffix=".csv")
# ok: py-tempfile-mktemp
tmpdir = tempfile.mkdtemp()
# ok: py-tempfile-mktemp
f = tempfile.NamedTemporaryFile(delete=False)
# ok: py-tempfile-mktemp
name = self.mktemp()
