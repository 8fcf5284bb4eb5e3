resource "google_storage_bucket_iam_member" "public" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  # ruleid: tf-gcp-storage-public
  member = "allUsers"
}

resource "google_storage_bucket_iam_binding" "any_google_account" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  # ruleid: tf-gcp-storage-public
  members = ["user:admin@example.com", "allAuthenticatedUsers"]
}

resource "google_storage_bucket_acl" "acl" {
  bucket = google_storage_bucket.site.name
  # ruleid: tf-gcp-storage-public
  role_entity = ["OWNER:user-admin@example.com", "READER:allUsers"]
}

resource "google_storage_bucket_iam_member" "team" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  # ok: tf-gcp-storage-public
  member = "group:team@example.com"
}
