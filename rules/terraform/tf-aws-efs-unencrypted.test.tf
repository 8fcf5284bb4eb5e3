# ruleid: tf-aws-efs-unencrypted
resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
}

# ok: tf-aws-efs-unencrypted
resource "aws_efs_file_system" "encrypted" {
  creation_token = "encrypted"
  encrypted      = true
  kms_key_id     = aws_kms_key.efs.arn
}
