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

variable "admin_rules" {
  default = [
    { port = 22, cidr = "0.0.0.0/0" },
    { port = 443, cidr = "0.0.0.0/0" },
  ]
}

resource "aws_security_group" "from_rules" {
  name = "from-rules"

  dynamic "ingress" {
    for_each = var.admin_rules
    content {
      from_port = ingress.value.port
      to_port   = ingress.value.port
      protocol  = "tcp"
      # ruleid: tf-aws-sg-admin-port
      cidr_blocks = [ingress.value.cidr]
    }
  }

  dynamic "ingress" {
    for_each = var.admin_rules != null ? [] : var.admin_rules
    content {
      from_port = 3389
      to_port   = 3389
      protocol  = "tcp"
      # ok: tf-aws-sg-admin-port
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  dynamic "ingress" {
    for_each = data.external.rules.result
    iterator = rule
    content {
      from_port = 22
      to_port   = 22
      protocol  = "tcp"
      # ok: tf-aws-sg-admin-port
      cidr_blocks = [rule.value]
    }
  }
}

resource "aws_security_group_rule" "per_port" {
  for_each          = { ssh = 22, web = 443 }
  type              = "ingress"
  from_port         = each.value
  to_port           = each.value
  protocol          = "tcp"
  security_group_id = aws_security_group.bastion.id
  # ruleid: tf-aws-sg-admin-port
  cidr_blocks = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "never" {
  count             = 0
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  security_group_id = aws_security_group.bastion.id
  # ok: tf-aws-sg-admin-port
  cidr_blocks = ["0.0.0.0/0"]
}
