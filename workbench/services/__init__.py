"""Operations on a workspace that the CLI and the GUI both call: each is one user action."""
