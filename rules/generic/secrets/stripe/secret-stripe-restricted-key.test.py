# ruleid: secret-stripe-restricted-key
STRIPE_RESTRICTED_KEY = "rk_live_{{random:alnum:48}}"
# ok: secret-stripe-restricted-key
STRIPE_RESTRICTED_KEY = "rk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
