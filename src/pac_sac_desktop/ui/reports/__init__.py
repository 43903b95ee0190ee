"""The supervisors' report page."""
