provider "aws" {
  region = "us-east-1"
  # ruleid: tf-provider-hardcoded-credentials
  access_key = "AKIA{{random:uppernum:16}}"
  # ruleid: tf-provider-hardcoded-credentials
  secret_key = "{{random:alnum:40}}"
}

provider "aws" {
  alias  = "from_variables"
  region = "eu-west-1"
  # ok: tf-provider-hardcoded-credentials
  access_key = var.aws_access_key
  # ok: tf-provider-hardcoded-credentials
  secret_key = var.aws_secret_key
}

provider "azurerm" {
  features {}
  client_id = "00000000-0000-0000-0000-000000000000"
  # ruleid: tf-provider-hardcoded-credentials
  client_secret = "{{random:alnum:34}}"
}

provider "google" {
  project = "example"
  # ok: tf-provider-hardcoded-credentials
  credentials = "account.json"
}

provider "google" {
  alias = "from_file"
  # ok: tf-provider-hardcoded-credentials
  credentials = file("account.json")
}
