# discord bot
# ruleid: secret-discord-bot-token
DISCORD_TOKEN = "M{{random:base64url:25}}.{{random:base64url:6}}.{{random:base64url:38}}"
# ok: secret-discord-bot-token
DISCORD_TOKEN = "Mxxxxxxxxxxxxxxxxxxxxxxxxx.xxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
