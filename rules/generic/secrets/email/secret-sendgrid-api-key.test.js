// ruleid: secret-sendgrid-api-key
const sendgridApiKey = 'SG.{{random:base64url:22}}.{{random:base64url:43}}';
// ok: secret-sendgrid-api-key
const sendgridApiKey = 'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
