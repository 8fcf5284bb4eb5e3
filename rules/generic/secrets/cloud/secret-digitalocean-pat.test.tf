# ruleid: secret-digitalocean-pat
digitalocean_token = "dop_v1_{{random:hex:64}}"
# ok: secret-digitalocean-pat
digitalocean_token = "dop_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
