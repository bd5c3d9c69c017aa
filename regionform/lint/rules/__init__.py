"""One file per lint rule; each defines RULE."""
