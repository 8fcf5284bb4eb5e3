# ruleid: tf-aws-cloudtrail-log-validation
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.trail.id
  enable_log_file_validation = true
}

# ok: tf-aws-cloudtrail-log-validation
resource "aws_cloudtrail" "validated" {
  name                       = "validated"
  s3_bucket_name             = aws_s3_bucket.trail.id
  enable_log_file_validation = true
}
