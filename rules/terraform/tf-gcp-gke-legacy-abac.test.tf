resource "google_container_cluster" "old" {
  name     = "old"
  location = "us-central1"
  # ruleid: tf-gcp-gke-legacy-abac
  enable_legacy_abac = true
}

resource "google_container_cluster" "rbac" {
  name     = "rbac"
  location = "us-central1"
  # ok: tf-gcp-gke-legacy-abac
  enable_legacy_abac = false
}
