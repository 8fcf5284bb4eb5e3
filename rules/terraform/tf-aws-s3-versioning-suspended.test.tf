resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    # ruleid: tf-aws-s3-versioning-suspended
    status = "Suspended"
  }
}

resource "aws_s3_bucket" "legacy" {
  bucket = "legacy"
  versioning {
    # ruleid: tf-aws-s3-versioning-suspended
    enabled = false
  }
}

resource "aws_s3_bucket_versioning" "kept" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    # ok: tf-aws-s3-versioning-suspended
    status = "Enabled"
  }
}

# ok: tf-aws-s3-versioning-suspended
resource "aws_s3_bucket" "cache" {
  bucket = "cache"
}
