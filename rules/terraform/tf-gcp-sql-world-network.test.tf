resource "google_sql_database_instance" "db" {
  name             = "db"
  database_version = "POSTGRES_15"
  region           = "us-central1"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      ipv4_enabled = true

      authorized_networks {
        name = "anyone"
        # ruleid: tf-gcp-sql-world-network
        value = "0.0.0.0/0"
      }

      authorized_networks {
        name = "office"
        # ok: tf-gcp-sql-world-network
        value = "203.0.113.0/24"
      }
    }
  }
}
