resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port = 22
    to_port   = 22
    protocol  = "tcp"
    # ruleid: tf-aws-sg-admin-port
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port = 443
    to_port   = 443
    protocol  = "tcp"
    # ok: tf-aws-sg-admin-port
    cidr_blocks = ["0.0.0.0/0"]
  }
}

variable "rdp_sources" {
  default = ["::/0"]
}

resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  security_group_id = aws_security_group.bastion.id
  # ruleid: tf-aws-sg-admin-port
  ipv6_cidr_blocks = var.rdp_sources
}

resource "aws_vpc_security_group_ingress_rule" "ssh_range" {
  security_group_id = aws_security_group.bastion.id
  from_port         = 20
  to_port           = 30
  ip_protocol       = "tcp"
  # ruleid: tf-aws-sg-admin-port
  cidr_ipv4 = "0.0.0.0/0"
}

resource "aws_security_group_rule" "office_ssh" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  security_group_id = aws_security_group.bastion.id
  # ok: tf-aws-sg-admin-port
  cidr_blocks = ["203.0.113.0/24"]
}

resource "aws_security_group_rule" "egress_ssh" {
  type              = "egress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  security_group_id = aws_security_group.bastion.id
  # ok: tf-aws-sg-admin-port
  cidr_blocks = ["0.0.0.0/0"]
}
