// ruleid: secret-shopify-access-token
const shopifyAccessToken = 'shpat_{{random:hex:32}}';
// ok: secret-shopify-access-token
const shopifyAccessToken = 'shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
