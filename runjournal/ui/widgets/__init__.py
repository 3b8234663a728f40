"""Small widgets shared by several views and dialogs."""
