function render(user, el, params) {
  // ruleid: js-innerhtml-assignment
  el.textContent = user.name;
  // ruleid: js-innerhtml-assignment
  document.getElementById('title').textContent = params.get('title');
  // ruleid: js-innerhtml-assignment
  this.$refs.body.textContent = 'Hello, ' + user.name;
  // ok: js-innerhtml-assignment
  el.innerHTML = '';
  // ok: js-innerhtml-assignment
  el.innerHTML = DOMPurify.sanitize(user.bio);
  // ok: js-innerhtml-assignment
  el.innerHTML = escapeHtml(user.name);
  // ok: js-innerhtml-assignment
  el.textContent = user.name;
  // ok: js-innerhtml-assignment
  clone.innerHTML = template.innerHTML;
  // ok: js-innerhtml-assignment
  preview.innerHTML = response.bodyHtml;
}

const EMPTY_STATE = '<p class="empty">Nothing here yet</p>';
// ok: js-innerhtml-assignment
list.innerHTML = EMPTY_STATE;
// ok: js-innerhtml-assignment
const html = list.innerHTML;
