resource "aws_s3_bucket" "site" {
  bucket = "example-site"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  # ruleid: tf-aws-s3-public-acl
  acl = "public-read"
}

resource "aws_s3_bucket" "legacy" {
  bucket = "example-legacy"
  # ruleid: tf-aws-s3-public-acl
  acl = "public-read-write"
}

resource "aws_s3_bucket_acl" "private" {
  bucket = aws_s3_bucket.site.id
  # ok: tf-aws-s3-public-acl
  acl = "private"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.site.id
  # ok: tf-aws-s3-public-acl
  acl = "log-delivery-write"
}
