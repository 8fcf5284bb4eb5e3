function render(items, list, user, row) {
  for (const item of items) {
    // ruleid: js-innerhtml-markup
    list.innerHTML += `<li>${item.name}</li>`;
  }
  // ruleid: js-innerhtml-markup
  document.querySelector('#greeting').innerHTML = '<b>Hello ' + user.name + '</b>';
  // ruleid: js-innerhtml-markup
  row.outerHTML = `<tr><td>${user.email}</td></tr>`;
  // ruleid: js-innerhtml-markup
  list.innerHTML += item.html;
  // ruleid: js-innerhtml-markup
  row.outerHTML = response.rowHtml;
  // ruleid: js-innerhtml-markup
  preview.innerHTML = response.bodyHtml;
  // ruleid: js-innerhtml-markup
  tmp.innerHTML = wrap[1] + finalHtml + wrap[2];
  // ok: js-innerhtml-markup
  list.innerHTML = '<li>none</li>';
  // ok: js-innerhtml-markup
  label.innerHTML = user.name;
  // ok: js-innerhtml-markup
  list.innerHTML = DOMPurify.sanitize(`<li>${item.name}</li>`);
  // ok: js-innerhtml-markup
  list.innerHTML += escapeHtml(item.name);
  // ok: js-innerhtml-markup
  row.outerHTML = row.outerHTML;
}

const ROW = '<tr><td>-</td></tr>';
// ok: js-innerhtml-markup
table.innerHTML += ROW + ROW;
// ok: js-innerhtml-markup
el.title = `<${tag}>`;
