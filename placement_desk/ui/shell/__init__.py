"""The application shell: start-up, sign-in, the main window, the shared context, idle lock, shortcuts."""
