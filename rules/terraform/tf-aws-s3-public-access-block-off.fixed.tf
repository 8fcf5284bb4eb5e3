resource "aws_s3_bucket_public_access_block" "partial" {
  bucket = aws_s3_bucket.data.id

  # ruleid: tf-aws-s3-public-access-block-off
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# ruleid: tf-aws-s3-public-access-block-off
resource "aws_s3_account_public_access_block" "account" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# ok: tf-aws-s3-public-access-block-off
resource "aws_s3_bucket_public_access_block" "all" {
  bucket = aws_s3_bucket.data.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# ok: tf-aws-s3-public-access-block-off
resource "aws_s3_bucket_public_access_block" "from_variables" {
  bucket = aws_s3_bucket.data.id

  block_public_acls       = var.block
  block_public_policy     = var.block
  ignore_public_acls      = var.block
  restrict_public_buckets = var.block
}
