resource "aws_db_instance" "db" {
  allocated_storage = 20
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  username          = "app"
  # ruleid: tf-hardcoded-secret
  password = "{{random:alnum:20}}"
}

variable "admin_password" {
  type = string
  # ruleid: tf-hardcoded-secret
  default = "{{random:alnum:16}}"
}

module "cache" {
  source = "./modules/cache"
  # ruleid: tf-hardcoded-secret
  auth_token = "{{random:alnum:32}}"
}

resource "azurerm_mssql_server" "sql" {
  name                = "sql"
  administrator_login = "sqladmin"
  # ok: tf-hardcoded-secret
  administrator_login_password = var.admin_password
}

resource "aws_rds_cluster" "managed" {
  cluster_identifier = "managed"
  master_username    = "app"
  # ok: tf-hardcoded-secret
  manage_master_user_password = true
}

resource "aws_db_instance" "generated" {
  allocated_storage = 20
  instance_class    = "db.t3.micro"
  # ok: tf-hardcoded-secret
  password = random_password.db.result
}

variable "db_password" {
  type      = string
  sensitive = true
  # ok: tf-hardcoded-secret
  default = ""
}

resource "aws_secretsmanager_secret_version" "from_arn" {
  # ok: tf-hardcoded-secret
  secret_id = aws_secretsmanager_secret.db.id
}
