"""Reminders: the windows and each person's choice, what a person's digest holds, and sending it.

`settings` reads and saves what administrators and each person chose; `lists` works out what a
person's digest (and home page) shows; `outbox` records every digest composed and sends it;
`delivery` hands a message to SMTP or, with none configured, to a folder of .eml files.
"""
