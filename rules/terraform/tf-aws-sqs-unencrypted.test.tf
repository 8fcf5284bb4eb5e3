resource "aws_sqs_queue" "plain" {
  name = "plain"
  # ruleid: tf-aws-sqs-unencrypted
  sqs_managed_sse_enabled = false
}

# ok: tf-aws-sqs-unencrypted
resource "aws_sqs_queue" "default" {
  name = "default"
}

# ok: tf-aws-sqs-unencrypted
resource "aws_sqs_queue" "kms" {
  name                    = "kms"
  kms_master_key_id       = aws_kms_key.sqs.id
  sqs_managed_sse_enabled = false
}
