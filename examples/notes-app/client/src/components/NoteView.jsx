import { useEffect, useState } from 'react';
import { useParams, Link } from 'react-router-dom';
import { api } from '../api';
import { renderMarkdown } from '../lib/markdown';
import { toastError } from '../lib/toast';
import Attachments from './Attachments';

export default function NoteView() {
  const { id } = useParams();
  const [note, setNote] = useState(null);

  useEffect(() => {
    api.get(`/api/notes/${encodeURIComponent(id)}`).then(setNote, toastError);
  }, [id]);

  if (!note) return <p className="muted">Loading…</p>;

  return (
    <article className="note">
      <header>
        <h1>{note.title}</h1>
        <Link to={`/notes/${note.id}/edit`}>Edit</Link>
      </header>
      <div className="note-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(note.body) }} />
      <Attachments noteId={note.id} />
    </article>
  );
}
