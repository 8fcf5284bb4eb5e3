// ruleid: secret-generic-api-key
const apiKey: string = "{{random:alnum:32}}";
class Client {
  // ruleid: secret-generic-api-key
  private clientSecret = '{{random:base64url:40}}';
  // ok: secret-generic-api-key
  private apiKeyName = 'x-api-key';
}
// ok: secret-generic-api-key
const apiKeyUuid = '{{random:hex:8}}-{{random:hex:4}}-{{random:hex:4}}-{{random:hex:4}}-{{random:hex:12}}';
// ok: secret-generic-api-key
const apiKey2 = `${prefix}{{random:alnum:32}}`;
