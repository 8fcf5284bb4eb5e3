# ruleid: tf-aws-imdsv1
resource "aws_instance" "web" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_launch_template" "optional" {
  name_prefix = "app"

  metadata_options {
    http_endpoint = "enabled"
    # ruleid: tf-aws-imdsv1
    http_tokens = "required"
  }
}

# ruleid: tf-aws-imdsv1
resource "aws_instance" "partial" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

# ok: tf-aws-imdsv1
resource "aws_instance" "v2" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "required"
  }
}

# ok: tf-aws-imdsv1
resource "aws_instance" "no_metadata" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "disabled"
  }
}
