resource "azurerm_storage_account" "old_tls" {
  name                     = "exampleoldtls"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  # ruleid: tf-azure-storage-weak-tls
  min_tls_version = "TLS1_2"
}

resource "azurerm_storage_account" "tls12" {
  name                     = "exampletls12"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  # ok: tf-azure-storage-weak-tls
  min_tls_version = "TLS1_2"
}
