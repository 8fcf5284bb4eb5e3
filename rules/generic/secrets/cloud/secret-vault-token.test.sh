# ruleid: secret-vault-token
export VAULT_TOKEN="hvs.{{random:base64url:95}}"
# ok: secret-vault-token
export VAULT_TOKEN="hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
