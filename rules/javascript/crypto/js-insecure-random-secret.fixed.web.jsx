import { useState } from 'react';

export function InviteForm({ onSend }) {
  // ruleid: js-insecure-random-secret
  const [inviteCode] = useState(() => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''));
  // ruleid: js-insecure-random-secret
  const nonce = Math.floor((crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32) * 1000000);
  // ok: js-insecure-random-secret
  const wobble = Math.random() * 4;
  return <button onClick={() => onSend(inviteCode, nonce)} style={{ rotate: `${wobble}deg` }}>Send</button>;
}
