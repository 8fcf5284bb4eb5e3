function row(el, id, handlerSource) {
  // ruleid: js-setattribute-event-handler
  el.setAttribute('onclick', "select('" + id + "')");
  // ruleid: js-setattribute-event-handler
  el.setAttribute('onmouseover', handlerSource);
  // ruleid: js-setattribute-event-handler
  document.getElementById('img').setAttribute('onerror', `retry(${id})`);
  // ok: js-setattribute-event-handler
  el.addEventListener('click', () => select(id));
  // ok: js-setattribute-event-handler
  el.setAttribute('data-id', id);
  // ok: js-setattribute-event-handler
  el.setAttribute('onclick', 'return false;');
  // ok: js-setattribute-event-handler
  el.setAttribute('one', id);
}
// ok: js-setattribute-event-handler
link.setAttribute('online', status);
// ruleid: js-setattribute-event-handler
link.setAttribute('OnLoad', code);
