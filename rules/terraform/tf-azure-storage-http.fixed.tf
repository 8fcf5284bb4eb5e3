resource "azurerm_storage_account" "http" {
  name                     = "examplehttp"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  # ruleid: tf-azure-storage-http
  https_traffic_only_enabled = true
}

resource "azurerm_storage_account" "https" {
  name                     = "examplehttps"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  # ok: tf-azure-storage-http
  enable_https_traffic_only = true
}
