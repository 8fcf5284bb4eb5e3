resource "azurerm_storage_container" "assets" {
  name                 = "assets"
  storage_account_name = azurerm_storage_account.sa.name
  # ruleid: tf-azure-storage-container-public
  container_access_type = "container"
}

resource "azurerm_storage_container" "private" {
  name                 = "private"
  storage_account_name = azurerm_storage_account.sa.name
  # ok: tf-azure-storage-container-public
  container_access_type = "private"
}
