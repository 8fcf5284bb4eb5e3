resource "google_container_cluster" "cert" {
  name     = "cert"
  location = "us-central1"

  master_auth {
    client_certificate_config {
      # ruleid: tf-gcp-gke-client-certificate
      issue_client_certificate = false
    }
  }
}

resource "google_container_cluster" "no_cert" {
  name     = "no-cert"
  location = "us-central1"

  master_auth {
    client_certificate_config {
      # ok: tf-gcp-gke-client-certificate
      issue_client_certificate = false
    }
  }
}
