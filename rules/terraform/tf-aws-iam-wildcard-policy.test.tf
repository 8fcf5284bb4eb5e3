resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ruleid: tf-aws-iam-wildcard-policy
      Action   = "*"
      Resource = "*"
    }]
  })
}

resource "aws_iam_role_policy" "heredoc" {
  role   = aws_iam_role.app.id
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      // ruleid: tf-aws-iam-wildcard-policy
      "Action": ["*"],
      "Resource": ["*"]
    }
  ]
}
EOF
}

data "aws_iam_policy_document" "everything" {
  statement {
    # ruleid: tf-aws-iam-wildcard-policy
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "inline" {
  name               = "inline"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  inline_policy {
    name = "all"
    policy = jsonencode({
      Statement = [{
        Effect = "Allow"
        # ruleid: tf-aws-iam-wildcard-policy
        Action   = "*:*"
        Resource = "*"
      }]
    })
  }
}

resource "aws_iam_policy" "scoped" {
  name = "scoped"
  policy = jsonencode({
    Statement = [{
      Effect = "Allow"
      # ok: tf-aws-iam-wildcard-policy
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "*"
    }]
  })
}

data "aws_iam_policy_document" "deny_all_but" {
  statement {
    effect = "Deny"
    # ok: tf-aws-iam-wildcard-policy
    actions   = ["*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "not_action" {
  statement {
    # ok: tf-aws-iam-wildcard-policy
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
}
