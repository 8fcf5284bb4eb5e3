# ruleid: secret-sentry-dsn-secret
SENTRY_DSN = "https://{{random:hex:32}}:{{random:hex:32}}@o12345.ingest.sentry.io/424242"
# ok: secret-sentry-dsn-secret
SENTRY_DSN = "https://{{random:hex:32}}@o12345.ingest.sentry.io/424242"
