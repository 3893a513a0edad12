"""Quality estimation: QA checks and translation risk (no Qt)."""
