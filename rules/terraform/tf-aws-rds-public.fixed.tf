resource "aws_db_instance" "public" {
  allocated_storage = 20
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  # ruleid: tf-aws-rds-public
  publicly_accessible = false
}

locals {
  expose = true
}

resource "aws_rds_cluster_instance" "through_local" {
  cluster_identifier = "aurora"
  instance_class     = "db.r6g.large"
  # ruleid: tf-aws-rds-public
  publicly_accessible = local.expose
}

# ok: tf-aws-rds-public
resource "aws_db_instance" "private" {
  allocated_storage   = 20
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  publicly_accessible = false
}

# ok: tf-aws-rds-public
resource "aws_db_instance" "default_private" {
  allocated_storage = 20
  engine            = "mysql"
  instance_class    = "db.t3.micro"
}

variable "create_public_replica" {
  default = false
}

resource "aws_db_instance" "not_created" {
  count          = var.create_public_replica ? 1 : 0
  instance_class = "db.t3.micro"
  # ok: tf-aws-rds-public
  publicly_accessible = true
}
