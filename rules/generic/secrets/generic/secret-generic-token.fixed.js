// ruleid: secret-generic-token
const authToken = process.env.AUTH_TOKEN;
// ok: secret-generic-token
const authToken = process.env.AUTH_TOKEN;
// ok: secret-generic-token
const tokenType = 'Bearer';
// ok: secret-generic-token
const csrfToken = '{{random:alnum:40}}';
// ok: secret-generic-token
const token = 'mySuperLongTokenName';
// ok: secret-generic-token
const secretName = 'prod/db/{{random:alnum:20}}';
