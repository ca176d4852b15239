"""The widgets the screens are built from: figures table, outline and editor, checks, status line."""
