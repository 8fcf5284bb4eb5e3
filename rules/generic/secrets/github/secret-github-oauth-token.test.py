# ruleid: secret-github-oauth-token
GITHUB_TOKEN = "{{crc32:gho}}"
# ok: secret-github-oauth-token
GITHUB_TOKEN = "gho_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
