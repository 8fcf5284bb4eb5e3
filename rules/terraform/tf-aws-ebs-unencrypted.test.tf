# ruleid: tf-aws-ebs-unencrypted
resource "aws_ebs_volume" "plain" {
  availability_zone = "us-west-2a"
  size              = 40
}

resource "aws_ebs_volume" "off" {
  availability_zone = "us-west-2a"
  # ruleid: tf-aws-ebs-unencrypted
  encrypted = false
}

variable "encrypt" {
  default = false
}

resource "aws_ebs_volume" "through_variable" {
  availability_zone = "us-west-2a"
  # ruleid: tf-aws-ebs-unencrypted
  encrypted = var.encrypt
}

# ok: tf-aws-ebs-unencrypted
resource "aws_ebs_volume" "encrypted" {
  availability_zone = "us-west-2a"
  encrypted         = true
}

# ok: tf-aws-ebs-unencrypted
resource "aws_ebs_volume" "decided_elsewhere" {
  availability_zone = "us-west-2a"
  encrypted         = var.unknown_flag
}
