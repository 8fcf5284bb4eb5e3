resource "aws_security_group" "db" {
  name = "db"

  ingress = [{
    description = "postgres"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    # ruleid: tf-aws-sg-database-port
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = []
    prefix_list_ids  = []
    security_groups  = []
    self             = false
  }]
}

resource "aws_security_group_rule" "redis" {
  type              = "ingress"
  from_port         = 6379
  to_port           = 6379
  protocol          = "tcp"
  security_group_id = aws_security_group.db.id
  # ruleid: tf-aws-sg-database-port
  cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
}

resource "aws_security_group_rule" "mysql_from_app" {
  type              = "ingress"
  from_port         = 3306
  to_port           = 3306
  protocol          = "tcp"
  security_group_id = aws_security_group.db.id
  # ok: tf-aws-sg-database-port
  source_security_group_id = aws_security_group.app.id
}

resource "aws_security_group_rule" "everything" {
  type              = "ingress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  security_group_id = aws_security_group.db.id
  # ok: tf-aws-sg-database-port
  cidr_blocks = ["0.0.0.0/0"]
}
