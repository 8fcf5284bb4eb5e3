# ruleid: tf-azure-storage-open-network
resource "azurerm_storage_account" "open" {
  name                     = "exampleopen"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

# ok: tf-azure-storage-open-network
resource "azurerm_storage_account" "restricted" {
  name                     = "examplerestricted"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  network_rules {
    default_action = "Deny"
    ip_rules       = ["203.0.113.10"]
  }
}

# ok: tf-azure-storage-open-network
resource "azurerm_storage_account" "rules_elsewhere" {
  name                     = "examplerules"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account_network_rules" "rules" {
  storage_account_id = azurerm_storage_account.rules_elsewhere.id
  default_action     = "Deny"
}

# ok: tf-azure-storage-open-network
resource "azurerm_storage_account" "private_only" {
  name                          = "exampleprivate"
  resource_group_name           = "rg"
  location                      = "westeurope"
  account_tier                  = "Standard"
  account_replication_type      = "LRS"
  public_network_access_enabled = false
}

# ruleid: tf-azure-storage-open-network
resource "azurerm_storage_account" "with_endpoint" {
  name                     = "examplepe"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_private_endpoint" "pe" {
  name                = "pe"
  location            = "westeurope"
  resource_group_name = "rg"
  subnet_id           = azurerm_subnet.endpoints.id

  private_service_connection {
    name                           = "blob"
    private_connection_resource_id = azurerm_storage_account.with_endpoint.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }
}
