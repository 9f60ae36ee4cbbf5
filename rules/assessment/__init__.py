"""Pure rules of the assessment domain: marking, scoring, the answer key, certificates."""
