"""Planning generated roots with Terraform: running it, summarising it, guarding state."""
