# ruleid: secret-slack-bot-token
SLACK_BOT_TOKEN = "xoxb-{{random:digits:12}}-{{random:digits:13}}-{{random:alnum:24}}"
# ok: secret-slack-bot-token
SLACK_BOT_TOKEN = "xoxb-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx"
