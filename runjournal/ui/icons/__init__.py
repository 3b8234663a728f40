"""Icons shipped inside the package (the window icon); resources/ holds their masters."""
