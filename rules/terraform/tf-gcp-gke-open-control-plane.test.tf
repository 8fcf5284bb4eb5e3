# ruleid: tf-gcp-gke-open-control-plane
resource "google_container_cluster" "open" {
  name     = "open"
  location = "us-central1"
}

# ok: tf-gcp-gke-open-control-plane
resource "google_container_cluster" "authorized" {
  name     = "authorized"
  location = "us-central1"

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "203.0.113.0/24"
      display_name = "office"
    }
  }
}

# ok: tf-gcp-gke-open-control-plane
resource "google_container_cluster" "private" {
  name     = "private"
  location = "us-central1"

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = true
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
}
