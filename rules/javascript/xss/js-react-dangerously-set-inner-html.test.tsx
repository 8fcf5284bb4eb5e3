import * as React from 'react';
import { marked } from 'marked';

interface Props { markdown: string; title: string }

declare function highlight(s: string): string;

export const Preview: React.FC<Props> = ({ markdown, title }) => {
  // ruleid: js-react-dangerously-set-inner-html
  const props = { dangerouslySetInnerHTML: { __html: marked.parse(markdown) as string } };
  return (
    <section>
      {/* ruleid: js-react-dangerously-set-inner-html */}
      <h1 dangerouslySetInnerHTML={{ __html: title }} />
      {/* ruleid: js-react-dangerously-set-inner-html */}
      <a href={`/notes/${title}`} className="result" dangerouslySetInnerHTML={{ __html: highlight(title) }} title="Open" />
      {/* ok: js-react-dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: '<hr/>' }} />
      {/* ok: js-react-dangerously-set-inner-html */}
      <h2>{title}</h2>
      <article {...props} />
    </section>
  );
};
