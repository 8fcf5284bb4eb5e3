# ruleid: tf-aws-kms-key-rotation
resource "aws_kms_key" "data" {
  description             = "data"
  deletion_window_in_days = 10
}

resource "aws_kms_key" "off" {
  description = "off"
  # ruleid: tf-aws-kms-key-rotation
  enable_key_rotation = false
}

# ok: tf-aws-kms-key-rotation
resource "aws_kms_key" "rotated" {
  description         = "rotated"
  enable_key_rotation = true
}

# ok: tf-aws-kms-key-rotation
resource "aws_kms_key" "signing" {
  description              = "signing"
  customer_master_key_spec = "RSA_2048"
  key_usage                = "SIGN_VERIFY"
}
