# Addresses that changed between versions of this module. The moves live in the module
# (not in the roots that call it) so that every caller gets them with the module version
# that needs them, including roots that pin the module by git ref. Keep them for good: a
# caller may upgrade from any older version.

# The add-on IRSA roles became one for_each resource keyed by add-on name.
moved {
  from = aws_iam_role.vpc_cni[0]
  to   = aws_iam_role.irsa["vpc-cni"]
}

moved {
  from = aws_iam_role_policy_attachment.vpc_cni[0]
  to   = aws_iam_role_policy_attachment.irsa["vpc-cni"]
}

moved {
  from = aws_iam_role.ebs_csi[0]
  to   = aws_iam_role.irsa["aws-ebs-csi-driver"]
}

moved {
  from = aws_iam_role_policy_attachment.ebs_csi[0]
  to   = aws_iam_role_policy_attachment.irsa["aws-ebs-csi-driver"]
}
