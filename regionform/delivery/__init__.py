"""What delivery systems read from the laid-out roots: Atlantis's repo config, the estate map."""
