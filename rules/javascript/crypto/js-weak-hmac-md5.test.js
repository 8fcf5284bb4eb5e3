const crypto = require('crypto');
const { createHmac } = require('node:crypto');
import * as nodeCrypto from 'node:crypto';

// ruleid: js-weak-hmac-md5
const mac = crypto.createHmac('md5', key).update(msg).digest('hex');
// ruleid: js-weak-hmac-md5
const mac2 = createHmac('MD5', secret);
// ruleid: js-weak-hmac-md5
const mac3 = nodeCrypto.createHmac("md4", secret);

// ok: js-weak-hmac-md5
const good = crypto.createHmac('sha256', key).update(msg).digest('hex');
// ok: js-weak-hmac-md5
const hash = crypto.createHash('md5').update(body).digest('hex');
// ok: js-weak-hmac-md5
const other = hmacLib.createHmac('md5', key);
// ok: js-weak-hmac-md5
const fromConfig = crypto.createHmac(config.algorithm, key);
