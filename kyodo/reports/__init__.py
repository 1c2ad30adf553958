"""The coordinator's dashboard, compliance alerts and the annual collaboration report (§7).

This app only reads: every figure comes from the other apps' models and selectors through
aggregates in the database, so the pages run a fixed number of queries at any size. Nothing
here is imported by another app.
"""
