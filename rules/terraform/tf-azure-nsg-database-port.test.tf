resource "azurerm_network_security_rule" "sql" {
  name                        = "sql"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "1433"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
  # ruleid: tf-azure-nsg-database-port
  source_address_prefix = "0.0.0.0/0"
}

resource "azurerm_network_security_rule" "https" {
  name                        = "https"
  priority                    = 210
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "443"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
  # ok: tf-azure-nsg-database-port
  source_address_prefix = "*"
}
