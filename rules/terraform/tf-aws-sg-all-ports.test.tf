resource "aws_security_group" "open" {
  name = "open"

  ingress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
    # ruleid: tf-aws-sg-all-ports
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
    # ok: tf-aws-sg-all-ports
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "tcp_all" {
  type              = "ingress"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  security_group_id = aws_security_group.open.id
  # ruleid: tf-aws-sg-all-ports
  cidr_blocks = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "internal_all" {
  type              = "ingress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  security_group_id = aws_security_group.open.id
  # ok: tf-aws-sg-all-ports
  cidr_blocks = ["10.0.0.0/16"]
}

resource "aws_security_group_rule" "icmp" {
  type              = "ingress"
  from_port         = -1
  to_port           = -1
  protocol          = "icmp"
  security_group_id = aws_security_group.open.id
  # ok: tf-aws-sg-all-ports
  cidr_blocks = ["0.0.0.0/0"]
}
