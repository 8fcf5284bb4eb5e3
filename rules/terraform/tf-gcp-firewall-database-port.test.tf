resource "google_compute_firewall" "mysql" {
  name    = "allow-mysql"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["3306"]
  }

  # ruleid: tf-gcp-firewall-database-port
  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "internal_mysql" {
  name    = "allow-internal-mysql"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["3306"]
  }

  # ok: tf-gcp-firewall-database-port
  source_ranges = ["10.128.0.0/9"]
}
