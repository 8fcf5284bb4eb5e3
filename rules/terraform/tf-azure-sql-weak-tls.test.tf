resource "azurerm_mssql_server" "old" {
  name                         = "old"
  resource_group_name          = "rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_password
  # ruleid: tf-azure-sql-weak-tls
  minimum_tls_version = "1.0"
}

resource "azurerm_mysql_server" "mysql" {
  name                = "mysql"
  resource_group_name = "rg"
  location            = "westeurope"
  sku_name            = "B_Gen5_2"
  version             = "8.0"
  # ruleid: tf-azure-sql-weak-tls
  ssl_minimal_tls_version_enforced = "TLSEnforcementDisabled"
}

resource "azurerm_mssql_server" "current" {
  name                         = "current"
  resource_group_name          = "rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_password
  # ok: tf-azure-sql-weak-tls
  minimum_tls_version = "1.2"
}
