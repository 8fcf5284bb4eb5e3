resource "azurerm_storage_account" "public" {
  name                     = "examplepublic"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  # ruleid: tf-azure-storage-public-blob
  allow_nested_items_to_be_public = true
}

resource "azurerm_storage_account" "legacy" {
  name                     = "examplelegacy"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  # ruleid: tf-azure-storage-public-blob
  allow_blob_public_access = true
}

resource "azurerm_storage_account" "private" {
  name                     = "exampleprivate"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  # ok: tf-azure-storage-public-blob
  allow_nested_items_to_be_public = false
}
