# ruleid: secret-terraform-cloud-token
tfe_token = "{{random:alnum:14}}.atlasv1.{{random:base64url:67}}"
# ok: secret-terraform-cloud-token
tfe_token = "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
