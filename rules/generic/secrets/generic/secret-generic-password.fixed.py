import os

# ruleid: secret-generic-password
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ruleid: secret-generic-password
connect(host="db", password=os.environ["PASSWORD"])
# ok: secret-generic-password
passwordLabel = "Enter your password"
# ok: secret-generic-password
password = os.environ["DB_PASSWORD"]
# ok: secret-generic-password
password = "changeme"
# ok: secret-generic-password
PASSWORD_FIELD = "password_field"
# ok: secret-generic-password
password_hash = "{{random:hex:64}}"
# ok: secret-generic-password
print("password={{random:alnum:16}}")
