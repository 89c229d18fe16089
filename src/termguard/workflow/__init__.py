"""Translation workflow: keep PO files in step with templates, rebuild and measure translations."""
