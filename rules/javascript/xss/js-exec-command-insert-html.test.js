editor.addEventListener('paste', (event) => {
  event.preventDefault();
  const html = event.clipboardData.getData('text/html');
  const text = event.clipboardData.getData('text/plain');
  // ruleid: js-exec-command-insert-html
  document.execCommand('insertHTML', false, html);
  // ruleid: js-exec-command-insert-html
  frame.contentDocument.execCommand('insertHTML', false, '<p>' + text + '</p>');
  // ok: js-exec-command-insert-html
  document.execCommand('insertText', false, text);
  // ok: js-exec-command-insert-html
  document.execCommand('insertHTML', false, DOMPurify.sanitize(html));
  // ok: js-exec-command-insert-html
  document.execCommand('insertHTML', false, '<br>');
  // ok: js-exec-command-insert-html
  document.execCommand('bold', false, null);
});
