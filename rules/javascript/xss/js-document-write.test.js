function greet(name, frame, html) {
  // ruleid: js-document-write
  document.write('<p>Welcome ' + name + '</p>');
  // ruleid: js-document-write
  document.writeln(`<a href="${location.hash.slice(1)}">back</a>`);
  // ruleid: js-document-write
  frame.contentWindow.document.write(html);
  // ruleid: js-document-write
  window.document.write(decodeURIComponent(location.search));
}

const BANNER = '<div class="banner">Beta</div>';
// ok: js-document-write
document.write(BANNER);
// ok: js-document-write
document.write('<p>static</p>');
// ok: js-document-write
res.write(body);
// ok: js-document-write
stream.write(chunk);
// ok: js-document-write
doc.text(name);
