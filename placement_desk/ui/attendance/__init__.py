"""Attendance: the week grid, the mentor's page, day edits, the paper sheet and the workplace statement."""
