"""Bounded load tests of the public portal on loopback (see bench/README.md)."""
