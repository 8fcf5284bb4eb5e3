resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  # ruleid: tf-aws-redshift-public
  publicly_accessible = true
}

# ok: tf-aws-redshift-public
resource "aws_redshift_cluster" "private" {
  cluster_identifier  = "private"
  node_type           = "ra3.xlplus"
  publicly_accessible = false
}
