"""The Textual workbench, the other face: the list of reports, the report screen, dialogs.
The only package that imports Textual; imports any stage below it, never the CLI."""
