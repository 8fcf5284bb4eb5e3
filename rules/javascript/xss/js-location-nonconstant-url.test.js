function afterLogin(params, data, id) {
  const next = params.get('next');
  // ruleid: js-location-nonconstant-url
  window.location.href = next;
  // ruleid: js-location-nonconstant-url
  window.location = data.redirectUrl;
  // ruleid: js-location-nonconstant-url
  location.assign(decodeURIComponent(location.hash.slice(1)));
  // ruleid: js-location-nonconstant-url
  window.open(data.link, '_blank');
  // ruleid: js-location-nonconstant-url
  document.location.replace(`${data.host}/home`);
  // ok: js-location-nonconstant-url
  window.location.href = '/orders/' + id;
  // ok: js-location-nonconstant-url
  location.assign(`/users/${encodeURIComponent(id)}`);
  // ok: js-location-nonconstant-url
  window.open('https://docs.example.com/search?q=' + encodeURIComponent(data.q));
  // ok: js-location-nonconstant-url
  location.href = location.pathname + '?page=' + id;
  // ok: js-location-nonconstant-url
  window.location.href = '/login';
  // ok: js-location-nonconstant-url
  router.replace(next);
  // ok: js-location-nonconstant-url
  this.location = next;
  let location;
  // ok: js-location-nonconstant-url
  location = path.join(root, next);
}

function onlyLocal(url) {
  return typeof url === 'string' && /^\/(?![/\\\t\n\r])/.test(url) ? url : '/';
}

function unchecked(url) {
  return url;
}

function afterSignup(data) {
  // ok: js-location-nonconstant-url
  location.assign(onlyLocal(data.next));
  // ruleid: js-location-nonconstant-url
  location.assign(unchecked(data.next));
  // ok: js-location-nonconstant-url
  window.location.href = encodeURIComponent(data.page);
}

function afterSave(config, CTFd, id, data) {
  // ok: js-location-nonconstant-url
  window.location.href = config.relative_path + '/login';
  // ok: js-location-nonconstant-url
  window.location = CTFd.config.urlRoot +
    '/admin/challenges/' + id;
  // ok: js-location-nonconstant-url
  window.location.href = `${config.baseUrl}/orders/${id}`;
  // ruleid: js-location-nonconstant-url
  window.location.href = data.next + '/welcome';
  // ruleid: js-location-nonconstant-url
  window.location.href = `${data.base}/orders`;
}

