# ruleid: secret-cloudflare-api-token
cloudflare_api_token = "{{random:base64url:40}}"
# ok: secret-cloudflare-api-token
cloudflare_api_token = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
