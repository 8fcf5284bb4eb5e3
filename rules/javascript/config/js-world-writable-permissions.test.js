const fs = require('fs');
const { chmodSync, mkdirSync } = require('node:fs');
import { writeFile, mkdir } from 'node:fs/promises';

// ruleid: js-world-writable-permissions
fs.chmodSync(scriptPath, 0o777);
// ruleid: js-world-writable-permissions
chmodSync(uploadDir, '777');
// ruleid: js-world-writable-permissions
fs.chmod(file, 0o666, cb);
// ruleid: js-world-writable-permissions
mkdirSync(cacheDir, 511);
// ruleid: js-world-writable-permissions
fs.mkdirSync(tmp, { recursive: true, mode: 0o777 });
// ruleid: js-world-writable-permissions
await writeFile(configPath, data, { mode: 0o666 });
// ruleid: js-world-writable-permissions
await mkdir(dir, { mode: parseInt('0777', 8) });
// ruleid: js-world-writable-permissions
const fd = fs.openSync(logPath, 'a', 0o662);
// ruleid: js-world-writable-permissions
process.umask(0);

// ok: js-world-writable-permissions
fs.chmodSync(scriptPath, 0o755);
// ok: js-world-writable-permissions
fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
// ok: js-world-writable-permissions
await writeFile(keyPath, key, { mode: 0o600 });
// ok: js-world-writable-permissions
fs.chmodSync(file, stat.mode);
// ok: js-world-writable-permissions
fs.chmod(file, '644', cb);
// ok: js-world-writable-permissions
process.umask(0o022);
// ok: js-world-writable-permissions
fs.openSync(logPath, 'a', 0o644);
