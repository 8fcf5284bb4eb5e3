import { useEffect, useState } from 'react';
import { api } from '../api';
import { toast, toastError } from '../lib/toast';

export default function Attachments({ noteId }) {
  const [files, setFiles] = useState([]);

  useEffect(() => {
    api.get(`/api/notes/${noteId}/attachments`).then(setFiles, toastError);
  }, [noteId]);

  async function onUpload(e) {
    const file = e.target.files[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    const res = await fetch(`/api/attachments/${noteId}`, { method: 'POST', body: form, credentials: 'same-origin' });
    if (!res.ok) return toastError(new Error(res.statusText));
    toast(`Uploaded <b>${file.name}</b>`);
    setFiles([...files, await res.json()]);
  }

  return (
    <section className="attachments">
      <h3>Attachments</h3>
      <ul>
        {files.map((f) => (
          <li key={f.id}>
            <a href={`/api/attachments/${f.id}/download`}>{f.original_name}</a>
          </li>
        ))}
      </ul>
      <input type="file" onChange={onUpload} />
    </section>
  );
}
