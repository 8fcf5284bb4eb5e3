import { marked } from 'marked';

// Comments from teammates, rendered as Markdown.
export default function Comment({ comment }) {
  return (
    <div className="comment">
      <div className="comment-meta">
        {comment.author} · {new Date(comment.createdAt).toLocaleString()}
      </div>
      <div className="comment-body" dangerouslySetInnerHTML={{ __html: marked.parse(comment.body) }} />
    </div>
  );
}
