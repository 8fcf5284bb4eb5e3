import { useState } from 'react';
import { api } from '../api';

export default function Login() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);

  async function onSubmit(e) {
    e.preventDefault();
    try {
      await api.post('/api/auth/login', { email, password });
      const next = new URLSearchParams(window.location.search).get('next');
      window.location.href = next || '/notes';
    } catch (err) {
      setError(err.message);
    }
  }

  return (
    <form className="login" onSubmit={onSubmit}>
      <h1>Sign in</h1>
      {error && <p className="error">{error}</p>}
      <label>
        Email <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label>
        Password <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      <button type="submit">Sign in</button>
      <a href="/forgot">Forgot your password?</a>
    </form>
  );
}
