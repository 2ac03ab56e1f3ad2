"""Evaluation commands against annotated development data (never shipped with the
package; pointed to by path)."""
