import paramiko
import paramiko as pk
from paramiko import AutoAddPolicy, RejectPolicy
from paramiko.client import WarningPolicy

client = paramiko.SSHClient()
# ruleid: py-paramiko-auto-add-host-key
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())

ssh = pk.SSHClient()
# ruleid: py-paramiko-auto-add-host-key
ssh.set_missing_host_key_policy(AutoAddPolicy())

# ruleid: py-paramiko-auto-add-host-key
ssh.set_missing_host_key_policy(WarningPolicy())

# ruleid: py-paramiko-auto-add-host-key
ssh.set_missing_host_key_policy(pk.AutoAddPolicy)

# ok: py-paramiko-auto-add-host-key
client.set_missing_host_key_policy(RejectPolicy())

# ok: py-paramiko-auto-add-host-key
client.load_system_host_keys()

# ok: py-paramiko-auto-add-host-key
client.set_missing_host_key_policy(MyPinnedKeyPolicy(expected_fingerprint))
