"""The one API the window and the command line call: the Journal and its helpers. No Qt."""
