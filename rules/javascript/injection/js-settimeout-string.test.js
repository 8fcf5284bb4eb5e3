function later(name, id, callback) {
  // ruleid: js-settimeout-string
  setTimeout("show('" + name + "')", 100);
  // ruleid: js-settimeout-string
  window.setInterval(`poll(${id})`, 1000);
  // ruleid: js-settimeout-string
  setTimeout('refresh(' + id + ')');
  // ok: js-settimeout-string
  setTimeout(callback, 100);
  // ok: js-settimeout-string
  setTimeout(() => show(name), 100);
  // ok: js-settimeout-string
  setInterval(function () { poll(id); }, 1000);
  // ok: js-settimeout-string
  setTimeout(callback || noop, 10);
}

// ok: js-settimeout-string
setTimeout('location.reload()', 5000);
// ok: js-settimeout-string
setTimeout(done, base + jitter);
// ok: js-settimeout-string
timers.setTimeout(`x${n}`, 10);
