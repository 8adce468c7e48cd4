"""The web app: read, search, review and chart the ledger (Django views, templates, ninja API).

`tallybook serve` runs it; tallybook.ledger.db configures the Django settings it needs, and
serving.py adds what only a running server has (secret key, hosts, DEBUG, secure cookies).
"""
