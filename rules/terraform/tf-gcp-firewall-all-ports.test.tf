resource "google_compute_firewall" "any" {
  name    = "allow-all"
  network = "default"

  allow {
    protocol = "all"
  }

  # ruleid: tf-gcp-firewall-all-ports
  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "tcp_any_port" {
  name    = "allow-tcp"
  network = "default"

  allow {
    protocol = "tcp"
  }

  # ruleid: tf-gcp-firewall-all-ports
  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "icmp" {
  name    = "allow-icmp"
  network = "default"

  allow {
    protocol = "icmp"
  }

  # ok: tf-gcp-firewall-all-ports
  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "disabled" {
  name     = "allow-all-disabled"
  network  = "default"
  disabled = true

  allow {
    protocol = "all"
  }

  # ok: tf-gcp-firewall-all-ports
  source_ranges = ["0.0.0.0/0"]
}
