import { useState } from 'react';

export function InviteForm({ onSend }) {
  // ruleid: js-insecure-random-secret
  const [inviteCode] = useState(() => Math.random().toString(36).slice(2, 10));
  // ruleid: js-insecure-random-secret
  const nonce = Math.floor(Math.random() * 1000000);
  // ok: js-insecure-random-secret
  const wobble = Math.random() * 4;
  return <button onClick={() => onSend(inviteCode, nonce)} style={{ rotate: `${wobble}deg` }}>Send</button>;
}
