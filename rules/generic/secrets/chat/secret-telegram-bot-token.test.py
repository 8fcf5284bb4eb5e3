# ruleid: secret-telegram-bot-token
TELEGRAM_BOT_TOKEN = "{{random:digits:10}}:AA{{random:base64url:33}}"
# ok: secret-telegram-bot-token
TELEGRAM_BOT_TOKEN = "xxxxxxxxxx:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
