resource "azurerm_mssql_firewall_rule" "everyone" {
  name             = "everyone"
  server_id        = azurerm_mssql_server.sql.id
  start_ip_address = "0.0.0.0"
  # ruleid: tf-azure-sql-firewall-all
  end_ip_address = "255.255.255.255"
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "azure_services" {
  name             = "azure-services"
  server_id        = azurerm_postgresql_flexible_server.pg.id
  start_ip_address = "0.0.0.0"
  # ok: tf-azure-sql-firewall-all
  end_ip_address = "0.0.0.0"
}

resource "azurerm_mssql_firewall_rule" "office" {
  name             = "office"
  server_id        = azurerm_mssql_server.sql.id
  start_ip_address = "203.0.113.0"
  # ok: tf-azure-sql-firewall-all
  end_ip_address = "203.0.113.255"
}
