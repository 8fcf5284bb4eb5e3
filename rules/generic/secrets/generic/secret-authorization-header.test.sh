# ruleid: secret-authorization-header
export API_TOKEN="curl -H "Authorization: Bearer {{random:base64url:40}}" https://api.acme.io"
# ok: secret-authorization-header
export API_TOKEN="curl -H "Authorization: Bearer ${TOKEN}" https://api.acme.io"
