# ruleid: tf-aws-rds-unencrypted
resource "aws_db_instance" "default" {
  allocated_storage = 20
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  username          = "app"
  storage_encrypted = true
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier = "aurora"
  engine             = "aurora-mysql"
  # ruleid: tf-aws-rds-unencrypted
  storage_encrypted = true
}

# ok: tf-aws-rds-unencrypted
resource "aws_db_instance" "encrypted" {
  allocated_storage = 20
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
}

# ok: tf-aws-rds-unencrypted
resource "aws_db_instance" "replica" {
  instance_class      = "db.t3.micro"
  replicate_source_db = aws_db_instance.encrypted.identifier
}

# ok: tf-aws-rds-unencrypted
resource "aws_rds_cluster" "serverless" {
  cluster_identifier = "serverless"
  engine             = "aurora-mysql"
  engine_mode        = "serverless"
}
