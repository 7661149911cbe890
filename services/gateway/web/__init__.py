"""The web app: static ES modules and one HTML page for every client-side path."""
