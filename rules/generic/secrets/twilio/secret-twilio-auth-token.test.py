# ruleid: secret-twilio-auth-token
TWILIO_AUTH_TOKEN = "{{random:hex:32}}"
# ok: secret-twilio-auth-token
TWILIO_AUTH_TOKEN = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
