function send(token, user, frame, worker) {
  // ruleid: js-postmessage-wildcard-origin
  window.parent.postMessage({ type: 'token', token }, '*');
  // ruleid: js-postmessage-wildcard-origin
  window.opener.postMessage(JSON.stringify(user), "*");
  // ruleid: js-postmessage-wildcard-origin
  frame.contentWindow.postMessage(user.email, '*');
  // ruleid: js-postmessage-wildcard-origin
  event.source.postMessage({ token }, '*');
  // ruleid: js-postmessage-wildcard-origin
  popup.postMessage(user, '*', [port]);
  // ok: js-postmessage-wildcard-origin
  window.postMessage(messagePrefix + handle, '*');
  // ok: js-postmessage-wildcard-origin
  postMessage(token, '*');
  // ok: js-postmessage-wildcard-origin
  window.parent.postMessage({ type: 'token', token }, 'https://app.example.com');
  // ok: js-postmessage-wildcard-origin
  window.parent.postMessage('ready', '*');
  // ok: js-postmessage-wildcard-origin
  worker.postMessage(user, [buffer]);
  // ok: js-postmessage-wildcard-origin
  frame.contentWindow.postMessage(user, location.origin);
}
