resource "aws_s3_bucket_policy" "public_read" {
  bucket = aws_s3_bucket.site.id
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      // ruleid: tf-aws-policy-public-principal
      "Principal": "*",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::${aws_s3_bucket.site.id}/*"
    }
  ]
}
POLICY
}

resource "aws_sqs_queue_policy" "open" {
  queue_url = aws_sqs_queue.q.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ruleid: tf-aws-policy-public-principal
      Principal = { AWS = "*" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.q.arn
    }]
  })
}

data "aws_iam_policy_document" "anyone" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.site.arn}/*"]
    principals {
      type = "AWS"
      # ruleid: tf-aws-policy-public-principal
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "anyone" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.anyone.json
}

resource "aws_sns_topic_policy" "conditioned" {
  arn = aws_sns_topic.t.arn
  policy = jsonencode({
    Statement = [{
      Effect = "Allow"
      # ok: tf-aws-policy-public-principal
      Principal = "*"
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.t.arn
      Condition = { StringEquals = { "aws:SourceAccount" = "123456789012" } }
    }]
  })
}

resource "aws_s3_bucket_policy" "deny_http" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Statement = [{
      Effect = "Deny"
      # ok: tf-aws-policy-public-principal
      Principal = "*"
      Action    = "s3:*"
      Resource  = "${aws_s3_bucket.site.arn}/*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

data "aws_iam_policy_document" "endpoint" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    principals {
      type = "*"
      # ok: tf-aws-policy-public-principal
      identifiers = ["*"]
    }
  }
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.us-east-1.s3"
  policy       = data.aws_iam_policy_document.endpoint.json
}

resource "aws_iam_role" "named" {
  name = "named"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect = "Allow"
      Action = "sts:AssumeRole"
      # ok: tf-aws-policy-public-principal
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}
