resource "aws_cloudtrail" "paused" {
  name                       = "paused"
  s3_bucket_name             = aws_s3_bucket.trail.id
  enable_log_file_validation = true
  # ruleid: tf-aws-cloudtrail-logging-off
  enable_logging = true
}

# ok: tf-aws-cloudtrail-logging-off
resource "aws_cloudtrail" "on" {
  name                       = "on"
  s3_bucket_name             = aws_s3_bucket.trail.id
  enable_log_file_validation = true
}
