"""regionform: one YAML spec of a multi-region AWS estate in, Terraform out."""

__version__ = "0.1.0"
