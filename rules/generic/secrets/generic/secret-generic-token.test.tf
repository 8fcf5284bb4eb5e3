provider "acme" {
  # ruleid: secret-generic-token
  token = "{{random:alnum:40}}"
  # ok: secret-generic-token
  token = var.acme_token
}
