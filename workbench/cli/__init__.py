"""The command line, one of the two faces: argument parsing, commands, Chinese output.
Imports any stage below it; starts the TUI only through commands.cmd_tui; nothing imports it but the launcher."""
