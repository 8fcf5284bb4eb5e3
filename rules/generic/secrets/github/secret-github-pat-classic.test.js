// ruleid: secret-github-pat-classic
const githubToken = '{{crc32:ghp}}';
// ok: secret-github-pat-classic
const githubToken = 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
