// A browser module's API client: every request carries the page's path in a header, and
// returns the server's answer. The answer is the server's, not the page's address; a failed
// request rejects with an error, not with what was sent.
async function call(options) {
  options.headers = options.headers || {};
  options.headers['x-return-to'] = window.location.pathname + window.location.search;
  return xhr(options);
}

async function xhr(options) {
  const { url } = options;
  const res = await fetch(url, options);
  if (res.headers.get('x-redirect')) {
    // Follows the redirect with the same options.
    return xhr({ url: res.headers.get('x-redirect'), ...options });
  }
  if (!res.ok) throw new Error(res.statusText);
  return res.text();
}

function del(route, data) {
  return call({ url: route, method: 'DELETE', data });
}

function get(route) {
  return call({ url: route });
}

function removeFlag(id) {
  del(`/api/flags/${encodeURIComponent(id)}`, {}).then((body) => {
    // ok: js-xss
    document.getElementById('result').innerHTML = body;
  }).catch((err) => {
    // ok: js-xss
    document.getElementById('error').innerHTML = err.message;
  });
}

function preview() {
  // The page's hash chooses what is fetched, and so what comes back.
  get(window.location.hash.slice(1)).then((body) => {
    // ruleid: js-xss
    document.getElementById('preview').innerHTML = body;
  });
}

removeFlag(new URLSearchParams(window.location.search).get('flag'));
preview();
