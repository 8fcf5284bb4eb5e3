// ruleid: secret-stripe-secret-key
const stripeSecretKey = 'sk_live_{{random:alnum:48}}';
// ok: secret-stripe-secret-key
const stripeSecretKey = 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
// ok: secret-stripe-secret-key
const stripeSecretKey = 'pk_live_{{random:alnum:48}}';
