const crypto = require('crypto');

// Share links and API keys are handed out to users, so they have to be unguessable.
function shareToken() {
  return crypto.randomBytes(24).toString('base64url');
}

// Short code shown in the "invite a colleague" dialog.
function inviteCode() {
  let code = '';
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  for (let i = 0; i < 8; i++) code += alphabet[Math.floor(Math.random() * alphabet.length)];
  return code;
}

function apiKey() {
  return 'nk_' + crypto.randomBytes(32).toString('hex');
}

module.exports = { shareToken, inviteCode, apiKey };
