# braintree
# ruleid: secret-braintree-private-key
BRAINTREE_PRIVATE_KEY = "{{random:hex:32}}"
# ok: secret-braintree-private-key
BRAINTREE_PRIVATE_KEY = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
