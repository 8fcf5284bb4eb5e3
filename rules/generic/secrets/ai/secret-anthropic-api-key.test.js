// ruleid: secret-anthropic-api-key
const anthropicApiKey = 'sk-ant-api03-{{random:base64url:93}}AA';
// ok: secret-anthropic-api-key
const anthropicApiKey = 'sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAA';
