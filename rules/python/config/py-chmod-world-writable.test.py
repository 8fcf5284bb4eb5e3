import os
import stat
from os import chmod
from pathlib import Path

# ruleid: py-chmod-world-writable
os.chmod("/var/app/uploads", 0o777)

# ruleid: py-chmod-world-writable
chmod(config_path, 0o666)

# ruleid: py-chmod-world-writable
os.chmod(script, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)

# ruleid: py-chmod-world-writable
os.chmod(path, mode=stat.S_IRUSR | stat.S_IWOTH)

# ruleid: py-chmod-world-writable
Path("/tmp/shared.sock").chmod(0o777)

# ok: py-chmod-world-writable
os.chmod(path, 0o644)

# ok: py-chmod-world-writable
os.chmod(path, 0o755)

# ok: py-chmod-world-writable
os.chmod(key_file, stat.S_IRUSR | stat.S_IWUSR)

# ok: py-chmod-world-writable
os.chmod(path, mode)

# ok: py-chmod-world-writable
sftp.chmod("/remote/file", 0o640)
