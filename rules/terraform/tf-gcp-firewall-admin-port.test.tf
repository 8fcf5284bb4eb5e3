resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = google_compute_network.vpc.name

  allow {
    protocol = "tcp"
    ports    = ["22", "80"]
  }

  # ruleid: tf-gcp-firewall-admin-port
  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "iap_ssh" {
  name    = "allow-iap-ssh"
  network = google_compute_network.vpc.name

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  # ok: tf-gcp-firewall-admin-port
  source_ranges = ["35.235.240.0/20"]
}

resource "google_compute_firewall" "web" {
  name    = "allow-web"
  network = google_compute_network.vpc.name

  allow {
    protocol = "tcp"
    ports    = ["80", "443"]
  }

  # ok: tf-gcp-firewall-admin-port
  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "rdp_range" {
  name    = "allow-rdp"
  network = google_compute_network.vpc.name

  allow {
    protocol = "tcp"
    ports    = ["3000-4000"]
  }

  # ruleid: tf-gcp-firewall-admin-port
  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "egress" {
  name      = "egress-ssh"
  network   = google_compute_network.vpc.name
  direction = "EGRESS"

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  # ok: tf-gcp-firewall-admin-port
  destination_ranges = ["0.0.0.0/0"]
}
