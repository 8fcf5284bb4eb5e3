// ruleid: secret-slack-webhook-url
const slackWebhookUrl = 'https://hooks.slack.com/services/T{{random:uppernum:10}}/B{{random:uppernum:10}}/{{random:alnum:24}}';
// ok: secret-slack-webhook-url
const slackWebhookUrl = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';
