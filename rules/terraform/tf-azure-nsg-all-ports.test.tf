resource "azurerm_network_security_rule" "any" {
  name                        = "any"
  priority                    = 300
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
  # ruleid: tf-azure-nsg-all-ports
  source_address_prefix = "*"
}

resource "azurerm_network_security_rule" "vnet_any" {
  name                        = "vnet-any"
  priority                    = 310
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
  # ok: tf-azure-nsg-all-ports
  source_address_prefix = "VirtualNetwork"
}
