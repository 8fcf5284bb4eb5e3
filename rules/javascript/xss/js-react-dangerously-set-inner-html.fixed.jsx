import React from 'react';
import DOMPurify from 'dompurify';

const LEGAL = '<small>&copy; 2024 Example Inc.</small>';

export function Comment({ comment, post }) {
  return (
    <div>
      {/* ruleid: js-react-dangerously-set-inner-html */}
      <p dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(comment.body) }} />
      <div
        // ruleid: js-react-dangerously-set-inner-html
        dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(`<b>${comment.author}</b>`) }}
      />
      {/* ok: js-react-dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(post.html) }} />
      {/* ok: js-react-dangerously-set-inner-html */}
      <footer dangerouslySetInnerHTML={{ __html: LEGAL }} />
      {/* ok: js-react-dangerously-set-inner-html */}
      <p>{comment.body}</p>
    </div>
  );
}

export function Raw({ html }) {
  // ruleid: js-react-dangerously-set-inner-html
  return React.createElement('div', { dangerouslySetInnerHTML: { __html: DOMPurify.sanitize(html) } });
}

// ok: js-react-dangerously-set-inner-html
const payload = { __html: html };
