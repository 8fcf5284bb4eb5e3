function preview(frame, message, container) {
  // ruleid: js-iframe-srcdoc
  frame.srcdoc = message.html;
  // ruleid: js-iframe-srcdoc
  container.querySelector('iframe').srcdoc = `<h1>${message.subject}</h1>${message.body}`;
  // ruleid: js-iframe-srcdoc
  frame.setAttribute('srcdoc', message.html);
  // ok: js-iframe-srcdoc
  frame.srcdoc = DOMPurify.sanitize(message.html, { WHOLE_DOCUMENT: true });
  // ok: js-iframe-srcdoc
  frame.setAttribute('src', message.url);
  // ok: js-iframe-srcdoc
  frame.srcdoc = '<p>Loading…</p>';
}

const BLANK = '<!doctype html><title>blank</title>';
// ok: js-iframe-srcdoc
frame.setAttribute('srcdoc', BLANK);
// ok: js-iframe-srcdoc
const doc = frame.srcdoc;
