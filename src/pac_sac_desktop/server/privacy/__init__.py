"""Quebec Law 25 on the server: who saw or changed a citizen's data, and how long it is kept."""
