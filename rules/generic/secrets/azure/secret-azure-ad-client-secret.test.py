# ruleid: secret-azure-ad-client-secret
AZURE_CLIENT_SECRET = "{{random:alnum:3}}8Q~{{random:alnum:34}}"
# ok: secret-azure-ad-client-secret
AZURE_CLIENT_SECRET = "xxx8Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
