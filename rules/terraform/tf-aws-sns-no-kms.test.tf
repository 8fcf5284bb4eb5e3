# ruleid: tf-aws-sns-no-kms
resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

# ok: tf-aws-sns-no-kms
resource "aws_sns_topic" "orders" {
  name              = "orders"
  kms_master_key_id = "alias/aws/sns"
}
