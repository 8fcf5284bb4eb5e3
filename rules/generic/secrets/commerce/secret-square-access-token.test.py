# ruleid: secret-square-access-token
SQUARE_ACCESS_TOKEN = "EAAA{{random:base64url:60}}"
# ok: secret-square-access-token
SQUARE_ACCESS_TOKEN = "EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
