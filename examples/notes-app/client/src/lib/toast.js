let container;

function ensureContainer() {
  if (!container) {
    container = document.createElement('div');
    container.className = 'toasts';
    document.body.appendChild(container);
  }
  return container;
}

export function toast(message, kind = 'info') {
  const el = document.createElement('div');
  el.className = `toast toast-${kind}`;
  el.innerHTML = message;
  ensureContainer().appendChild(el);
  setTimeout(() => el.remove(), 4000);
}

export function toastError(err) {
  toast(`<strong>Something went wrong.</strong> ${err.message}`, 'error');
}
