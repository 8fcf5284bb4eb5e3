function insert(target, html, widget) {
  const range = document.createRange();
  // ruleid: js-create-contextual-fragment
  target.append(range.createContextualFragment(html));
  // ruleid: js-create-contextual-fragment
  const frag = document.createRange().createContextualFragment(`<div class="w">${widget.markup}</div>`);
  // ok: js-create-contextual-fragment
  target.append(range.createContextualFragment(DOMPurify.sanitize(html)));
  // ok: js-create-contextual-fragment
  target.append(range.createContextualFragment('<hr>'));
  // ok: js-create-contextual-fragment
  target.append(document.createTextNode(html));
}
