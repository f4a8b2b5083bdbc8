"""Use cases, one module per aggregate. Each call is one transaction: it validates its
input, changes the database (the audit trail is written in the same transaction by the
storage layer) and returns immutable records from `outreach.domain.records`.
"""
