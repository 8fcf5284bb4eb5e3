/**
 * The one place Ward reaches the network: fetching an OSV export when the user runs
 * `ward advisories update`. Plain Node http(s), through the proxy the standard environment
 * variables name (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY; lower case too): an https
 * URL tunnels with CONNECT (https-proxy-agent), an http one is sent to the proxy whole.
 *
 * Sanity checks before the file is used: the status is 200, the body is as long as
 * Content-Length says, and its MD5 matches the server's `x-goog-hash: md5=…` (what
 * Google Cloud Storage, OSV's host, sends) or `Content-MD5`. The import then checks that
 * the zip opens and holds OSV records.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';

export class DownloadError extends Error {}

export interface DownloadOptions {
  url: string;
  /** The file to write; removed when the download fails. */
  dest: string;
  maxRedirects?: number;
  /** No byte for this long ends the download. */
  idleTimeoutMs?: number;
  maxBytes?: number;
  onProgress?: (received: number, total: number | undefined) => void;
}

export interface Downloaded {
  url: string;
  bytes: number;
  /** How the body was checked: "md5" when the server sent a digest, "length" when only its size, "none". */
  checked: 'md5' | 'length' | 'none';
  /** The proxy used, when one was (credentials removed). */
  proxy?: string;
}

/** The proxy for `url`, credentials hidden, for messages. */
export function proxyFor(url: string): string | undefined {
  return getProxyForUrl(url) || undefined;
}

function withoutCredentials(proxy: string): string {
  try {
    const u = new URL(proxy);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return 'a proxy';
  }
}

function expectedMd5(headers: http.IncomingHttpHeaders): string | undefined {
  const goog = headers['x-goog-hash'];
  for (const h of Array.isArray(goog) ? goog : goog ? [goog] : []) {
    for (const part of h.split(',')) {
      const m = /^\s*md5=(\S+)\s*$/.exec(part);
      if (m) return Buffer.from(m[1]!, 'base64').toString('hex');
    }
  }
  const contentMd5 = headers['content-md5'];
  return typeof contentMd5 === 'string' ? Buffer.from(contentMd5, 'base64').toString('hex') : undefined;
}

function request(url: URL, idleTimeoutMs: number): Promise<{ res: http.IncomingMessage; proxy?: string }> {
  const proxy = getProxyForUrl(url.toString());
  return new Promise((resolve, reject) => {
    const headers = { 'user-agent': 'ward-advisories', accept: '*/*' };
    let req: http.ClientRequest;
    if (proxy && url.protocol === 'http:') {
      // A plain-HTTP proxy gets the whole URL as the request target.
      const p = new URL(proxy);
      const auth = p.username ? { 'proxy-authorization': `Basic ${Buffer.from(`${decodeURIComponent(p.username)}:${decodeURIComponent(p.password)}`).toString('base64')}` } : {};
      req = http.request({ host: p.hostname, port: p.port || 80, method: 'GET', path: url.toString(), headers: { ...headers, host: url.host, ...auth } });
    } else {
      const agent = proxy ? new HttpsProxyAgent(proxy) : undefined;
      req = (url.protocol === 'https:' ? https : http).request(url, { method: 'GET', headers, agent });
    }
    req.setTimeout(idleTimeoutMs, () => req.destroy(new DownloadError(`no answer from ${url.host} for ${Math.round(idleTimeoutMs / 1000)} s`)));
    req.on('response', (res) => resolve({ res, proxy: proxy ? withoutCredentials(proxy) : undefined }));
    req.on('error', (err) => reject(err instanceof DownloadError ? err : new DownloadError(`cannot reach ${url.host}${proxy ? ` through ${withoutCredentials(proxy)}` : ''}: ${(err as NodeJS.ErrnoException).code ?? err.message}`)));
    req.end();
  });
}

export async function download(options: DownloadOptions): Promise<Downloaded> {
  const maxRedirects = options.maxRedirects ?? 5;
  const idle = options.idleTimeoutMs ?? 60000;
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new DownloadError(`not a URL: ${options.url}`);
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DownloadError(`only http and https URLs can be downloaded, not ${url.protocol}`);
    const { res, proxy } = await request(url, idle);
    const status = res.statusCode ?? 0;
    if ([301, 302, 303, 307, 308].includes(status)) {
      res.resume();
      const location = res.headers.location;
      if (!location) throw new DownloadError(`${url}: redirect (${status}) without a Location`);
      if (hop >= maxRedirects) throw new DownloadError(`${options.url}: more than ${maxRedirects} redirects`);
      const next = new URL(location, url);
      if (url.protocol === 'https:' && next.protocol !== 'https:') throw new DownloadError(`${url}: refusing a redirect from https to ${next.protocol}`);
      url = next;
      continue;
    }
    if (status !== 200) {
      res.resume();
      throw new DownloadError(`${url}: the server answered ${status} ${res.statusMessage ?? ''}`.trim());
    }
    return receive(res, url, options, idle, proxy);
  }
}

function receive(res: http.IncomingMessage, url: URL, options: DownloadOptions, idle: number, proxy: string | undefined): Promise<Downloaded> {
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024 * 1024;
  const lengthHeader = res.headers['content-length'];
  const total = lengthHeader !== undefined && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
  if (total !== undefined && total > maxBytes) {
    res.resume();
    return Promise.reject(new DownloadError(`${url}: ${total} bytes is more than the ${maxBytes}-byte limit`));
  }
  const md5 = expectedMd5(res.headers);
  const hash = createHash('md5');
  const out = createWriteStream(options.dest);
  let received = 0;
  return new Promise<Downloaded>((resolve, reject) => {
    let settled = false;
    const fail = (message: string): void => {
      if (settled) return;
      settled = true;
      res.destroy();
      out.destroy();
      rmSync(options.dest, { force: true });
      reject(new DownloadError(message));
    };
    res.setTimeout(idle, () => fail(`${url}: the download stalled (no data for ${Math.round(idle / 1000)} s)`));
    res.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) return fail(`${url}: more than ${maxBytes} bytes`);
      hash.update(chunk);
      options.onProgress?.(received, total);
    });
    res.on('error', (err) => fail(`${url}: the download broke off after ${received} bytes (${err.message})`));
    res.on('aborted', () => fail(`${url}: the download broke off after ${received}${total !== undefined ? ` of ${total}` : ''} bytes`));
    res.pipe(out);
    out.on('error', (err) => fail(`cannot write ${options.dest}: ${err.message}`));
    out.on('finish', () => {
      if (settled) return;
      if (!res.complete) return fail(`${url}: the download broke off after ${received}${total !== undefined ? ` of ${total}` : ''} bytes`);
      if (total !== undefined && received !== total) return fail(`${url}: received ${received} bytes, but the server announced ${total} (truncated)`);
      const actual = hash.digest('hex');
      if (md5 && actual !== md5) return fail(`${url}: checksum mismatch (MD5 ${actual}, the server says ${md5}); the file was not used`);
      settled = true;
      resolve({ url: url.toString(), bytes: received, checked: md5 ? 'md5' : total !== undefined ? 'length' : 'none', proxy });
    });
  });
}
