# ruleid: secret-databricks-token
DATABRICKS_TOKEN = "dapi{{random:hex:32}}"
# ok: secret-databricks-token
DATABRICKS_TOKEN = "dapixxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
