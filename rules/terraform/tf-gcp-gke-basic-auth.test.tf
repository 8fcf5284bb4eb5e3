resource "google_container_cluster" "basic" {
  name     = "basic"
  location = "us-central1"

  master_auth {
    # ruleid: tf-gcp-gke-basic-auth
    username = "admin"
    password = var.cluster_password
  }
}

resource "google_container_cluster" "no_basic" {
  name     = "no-basic"
  location = "us-central1"

  master_auth {
    # ok: tf-gcp-gke-basic-auth
    username = ""
    password = ""
  }
}
