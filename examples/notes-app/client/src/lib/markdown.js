import { marked } from 'marked';
import DOMPurify from 'dompurify';

marked.setOptions({ gfm: true, breaks: true });

// Notes are written by their owner and may be shared, so their HTML is sanitised.
export function renderMarkdown(text) {
  return DOMPurify.sanitize(marked.parse(text || ''));
}
