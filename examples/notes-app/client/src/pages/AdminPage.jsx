import { useEffect, useState } from 'react';
import { api } from '../api';
import { toast, toastError } from '../lib/toast';

export default function AdminPage() {
  const [users, setUsers] = useState([]);
  const [filter, setFilter] = useState('');
  const [settings, setSettings] = useState('{\n  signups: true,\n  maxNotes: 500\n}');
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    api.get('/api/admin/users?email=' + encodeURIComponent(filter)).then(setUsers, toastError);
  }, [filter]);

  async function saveSettings() {
    try {
      await api.post('/api/admin/settings', { settings });
      toast('Settings saved');
    } catch (err) {
      toastError(err);
    }
  }

  async function backup() {
    const { file } = await api.post('/api/admin/backup', {});
    toast(`Backup written to <code>${file}</code>`);
  }

  return (
    <div className="admin">
      <h1>Administration</h1>
      <section>
        <h2>Users</h2>
        <input placeholder="Filter by email" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <table>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.email}</td>
                <td>{u.name}</td>
                <td>{u.role}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>Feature flags</h2>
        <textarea rows={8} value={settings} onChange={(e) => setSettings(e.target.value)} />
        <button onClick={saveSettings}>Save</button>
      </section>
      <section>
        <h2>Announcement banner</h2>
        <textarea value={announcement} onChange={(e) => setAnnouncement(e.target.value)} />
        <div className="banner-preview" dangerouslySetInnerHTML={{ __html: announcement }} />
      </section>
      <button onClick={backup}>Back up the database now</button>
    </div>
  );
}
