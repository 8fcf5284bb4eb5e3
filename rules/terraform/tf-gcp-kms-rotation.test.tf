# ruleid: tf-gcp-kms-rotation
resource "google_kms_crypto_key" "data" {
  name     = "data"
  key_ring = google_kms_key_ring.ring.id
}

# ok: tf-gcp-kms-rotation
resource "google_kms_crypto_key" "rotated" {
  name            = "rotated"
  key_ring        = google_kms_key_ring.ring.id
  rotation_period = "7776000s"
}

# ok: tf-gcp-kms-rotation
resource "google_kms_crypto_key" "signing" {
  name     = "signing"
  key_ring = google_kms_key_ring.ring.id
  purpose  = "ASYMMETRIC_SIGN"
}
