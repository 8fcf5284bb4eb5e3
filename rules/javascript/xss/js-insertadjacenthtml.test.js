function addComment(list, comment, container) {
  // ruleid: js-insertadjacenthtml
  list.insertAdjacentHTML('beforeend', `<li>${comment.body}</li>`);
  // ruleid: js-insertadjacenthtml
  document.body.insertAdjacentHTML('afterbegin', comment.html);
  // ruleid: js-insertadjacenthtml
  container.firstElementChild.insertAdjacentHTML(position, '<p>' + comment.author + '</p>');
  // ok: js-insertadjacenthtml
  list.insertAdjacentText('beforeend', comment.body);
  // ok: js-insertadjacenthtml
  list.insertAdjacentHTML('beforeend', DOMPurify.sanitize(comment.html));
  // ok: js-insertadjacenthtml
  list.insertAdjacentElement('beforeend', node);
}

const SPINNER = '<div class="spinner"></div>';
// ok: js-insertadjacenthtml
document.body.insertAdjacentHTML('beforeend', SPINNER);
// ok: js-insertadjacenthtml
panel.insertAdjacentHTML('afterbegin', '<hr>');
