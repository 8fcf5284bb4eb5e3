resource "aws_cloudfront_distribution" "custom_cert" {
  enabled = true

  viewer_certificate {
    acm_certificate_arn = aws_acm_certificate.cert.arn
    ssl_support_method  = "sni-only"
    # ruleid: tf-aws-cloudfront-weak-tls
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

resource "aws_cloudfront_distribution" "modern" {
  enabled = true

  viewer_certificate {
    acm_certificate_arn = aws_acm_certificate.cert.arn
    ssl_support_method  = "sni-only"
    # ok: tf-aws-cloudfront-weak-tls
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

resource "aws_cloudfront_distribution" "default_cert" {
  enabled = true

  viewer_certificate {
    cloudfront_default_certificate = true
    # ok: tf-aws-cloudfront-weak-tls
    minimum_protocol_version = "TLSv1"
  }
}
