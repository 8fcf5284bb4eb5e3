// ruleid: secret-gcp-api-key
const googleApiKey = 'AIza{{random:base64url:35}}';
// ok: secret-gcp-api-key
const googleApiKey = 'AIzaxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
